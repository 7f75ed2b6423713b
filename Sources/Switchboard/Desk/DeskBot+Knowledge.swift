import Desk
import IRC
import Logging
import Store

extension DeskBot {
    /// `kb QUERY`: the best articles with their language and link, paged; the top one with the passage
    /// that answers the query, so an agent can often reply without opening it.
    func searchKnowledge(_ query: String, reply: Reply) async throws {
        guard let knowledge = settings.knowledge else {
            await say(reply, "the knowledge base is not configured on this desk (kb.path in the config)")
            return
        }
        let search = try await knowledge.search(query, limit: 10)
        noteRefresh(search.refresh)
        guard let top = search.hits.first else {
            await say(reply, "kb: no article matches \"\(query, limit: 60)\" (searched \(search.languages.joined(separator: ", ")))")
            return
        }
        var lines: [IRCLine] = search.hits.enumerated().map { index, hit in
            "kb \(index + 1). \"\(hit.title)\" (\(hit.lang)) · \(hit.url)"
        }
        if let article = try await knowledge.database.knowledgeArticle(path: top.path) {
            let passage = KnowledgePassage.best(in: article, for: query, limit: 200, vocabulary: knowledge.vocabulary)
            if !passage.units.isEmpty { lines.insert("kb 1. │ \(passage.text)", at: 1) }
        }
        await sayLines(reply, lines)
    }

    /// The article a draft for `ticket` should link: the best match for the customer's last message, in
    /// their language where the knowledge base has it. A failing knowledge base never blocks a draft.
    func knowledgeReference(for ticket: Ticket) async -> KnowledgeReference? {
        guard let knowledge = settings.knowledge else { return nil }
        do {
            guard let message = try await database.messages(ticketID: ticket.id).last(where: { $0.direction == .inbound }) else { return nil }
            let found = try await knowledge.reference(
                for: message.text, lang: message.lang ?? ticket.lang, limit: ReplyDrafter.passageLimit(for: ticket.channel))
            noteRefresh(found.refresh)
            return found.reference
        } catch {
            logger.error("knowledge base unavailable for #\(ticket.id): \(error)")
            return nil
        }
    }

    /// Logs what a refresh changed, and each broken article once rather than on every search.
    func noteRefresh(_ refresh: KnowledgeRefresh) {
        if refresh.changedIndex {
            logger.info("knowledge base re-indexed: \(refresh.added) added, \(refresh.updated) updated, \(refresh.removed) removed, \(refresh.indexed) articles")
        }
        let problems = refresh.problems.map(\.description)
        for problem in problems where !reportedKnowledgeProblems.contains(problem) {
            logger.warning("knowledge base: skipped \(problem)")
        }
        reportedKnowledgeProblems = Set(problems)
    }
}
