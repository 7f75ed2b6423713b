import Desk
import WhatsApp
import Foundation
import IRC
import IRCClient
import Logging
import Store

extension DeskBot {
    func perform(_ command: DeskCommand, ticket: Ticket?, agent: AgentDirectory.Agent, reply: Reply) async throws {
        let actor = agent.account
        switch command {
        case .help(let topic):
            if let topic, let usage = CommandUsage.all.first(where: { $0.name == topic }) {
                await say(reply, "\(botText: settings.commandPrefix)\(botText: usage.usage) — \(botText: usage.summary)")
            } else {
                let names = CommandUsage.all.map(\.name).joined(separator: " ")
                await say(reply, "commands: \(botText: names) — \(botText: settings.commandPrefix)help COMMAND for one; in a DM the \(botText: settings.commandPrefix) is optional")
            }
        case .queue(let scope):
            await showQueue(scope, agent: agent, reply: reply)
        case .more:
            if let page = pager.nextPage(for: actor, prefix: settings.commandPrefix) {
                for line in page { await sayLine(reply, line) }
            } else {
                await say(reply, "nothing more to show")
            }
        case .show(let id):
            try await show(id, reply: reply)
        case .claim(let id):
            let claimed = try await database.apply(.claimed(by: actor), toTicket: id, actor: actor)
            let customer = try await database.customer(id: claimed.customerID)
            var text: IRCLine = "\(botText: actor) claimed #\(id) (\(botText: claimed.category?.rawValue ?? "untriaged"), \(customer?.name ?? "unknown customer"))."
            if claimed.channel == .whatsapp, let window = try await whatsappWindow(claimed) { text = text + " \(botText: window)" }
            await say(reply, text)
        case .unclaim(let id):
            _ = try await database.apply(.unclaimed, toTicket: id, actor: actor)
            await say(reply, "#\(id) is unclaimed again")
        case .assign(let id, let account):
            guard let target = policy.directory.agent(account: account) else {
                await say(reply, "\(account) is not an agent in config")
                return
            }
            _ = try await database.apply(.assigned(to: target.account), toTicket: id, actor: actor)
            await say(reply, "#\(id) assigned to \(botText: target.account) by \(botText: actor)")
        case .draft(let id, let facts):
            try await draft(ticket!, facts: facts, actor: actor, reply: reply, id: id)
        case .edit(let id, let text):
            _ = try await database.appendEvent(ticketID: id, actor: actor, kind: .drafted, detail: ["text": OutgoingText.clean(text), "edited": "true"])
            await say(reply, "draft for #\(id) replaced · \(botText: settings.commandPrefix)send \(id) to send")
        case .send(let id, let anyway, let text, let toReplyTo):
            try await send(ticket!, text: text, anyway: anyway, toReplyTo: toReplyTo, actor: actor, reply: reply, id: id)
        case .note(let id, let text):
            _ = try await database.addNote(ticketID: id, text: text, actor: actor)
            await say(reply, "note added to #\(id)")
        case .tag(let id, let category):
            _ = try await database.retag(ticketID: id, category: category, actor: actor)
            await say(reply, "#\(id) is now \(botText: category.rawValue); the model will learn from it")
        case .urgent(let id):
            _ = try await database.setUrgency(ticketID: id, urgency: .high, actor: actor)
            await say(reply, "#\(id) marked urgent")
        case .snooze(let id, let seconds):
            let until = now().addingTimeInterval(TimeInterval(seconds))
            _ = try await database.snooze(ticketID: id, until: until, actor: actor)
            await say(reply, "#\(id) snoozed until \(botText: Timestamp.rfc3339(until))")
        case .close(let id, let silent, let resolution):
            try await close(ticket!, silent: silent, resolution: resolution, actor: actor, reply: reply, id: id)
        case .reopen(let id):
            _ = try await database.apply(.reopened, toTicket: id, actor: actor)
            await say(reply, "#\(id) reopened by \(botText: actor)")
        case .history(let id):
            let events = try await database.history(ticketID: id)
            await sayLines(reply, events.map { event in
                let detail = IRCLine.joined(event.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }, separator: " ")
                return "#\(id) \(botText: Timestamp.rfc3339(event.at)) \(event.actor) \(event.kind.rawValue) \(detail)"
            })
        case .customer:
            try await describeCustomer(ticket!, reply: reply)
        case .kb(let query):
            try await searchKnowledge(query, reply: reply)
        case .template(let id, let name):
            try await sendTemplate(ticket!, name: name, actor: actor, reply: reply, id: id)
        case .stats:
            // The same figures as `switchboard report --since 7d`, in three lines.
            let report = try await database.report(ReportSettings(last: 7 * 86_400, endingAt: now(), sla: settings.followUps.responseSLA))
            await sayLines(reply, report.chatSummary())
        }
    }

    private func showQueue(_ scope: DeskCommand.QueueScope, agent: AgentDirectory.Agent, reply: Reply) async {
        let filter: QueueFilter
        switch scope {
        case .open, .all: filter = .all
        case .mine: filter = .mine(account: agent.account)
        case .urgent: filter = .urgent
        case .category(let category): filter = .category(category)
        }
        do {
            let rows = try await database.queue(filter, limit: 100)
            guard !rows.isEmpty else {
                await say(reply, "the queue is empty")
                return
            }
            await sayLines(reply, rows.map { row in
                let t = row.ticket
                let urgent: IRCLine = t.urgency == .high ? " ● high" : ""
                let holder: IRCLine = t.owner.map { "claimed by \($0)" } ?? "unclaimed"
                return "#\(t.id) \(botText: t.category?.rawValue ?? "untriaged")\(urgent) · \(botText: t.channel == .whatsapp ? "WhatsApp" : "email") · \(row.customerName) · \(botText: TicketCard.age(from: t.createdAt, to: now())) · \(holder) · \"\(row.lastInboundText ?? "", limit: 80)\""
            })
        } catch {
            await say(reply, "could not read the queue: \(error)")
        }
    }

    private func show(_ id: Int64, reply: Reply) async throws {
        guard let ticket = try await database.ticket(id: id) else { return }
        let customer = try await database.customer(id: ticket.customerID)
        var lines: [IRCLine] = ["#\(id) \(botText: ticket.state.rawValue) · \(botText: ticket.category?.rawValue ?? "untriaged") · \(botText: ticket.urgency.rawValue) · \(customer?.name ?? "unknown") · owner \(ticket.responsible ?? "none") · routed by \(ticket.routeRule ?? "-") to \(ticket.routeChannel ?? "-")"]
        for message in try await database.messages(ticketID: id).suffix(8) {
            let arrow: IRCLine = message.direction == .inbound ? "←" : "→"
            // Another sender's words on this ticket (a colleague in CC) are marked as theirs.
            let other: IRCLine = message.direction == .inbound && (message.customerID ?? ticket.customerID) != ticket.customerID
                ? "(from \(message.senderKey.map { shown($0, reply) } ?? "another sender")) " : ""
            lines.append("#\(id) \(arrow) \(botText: Timestamp.rfc3339(message.receivedAt)) \(other)\(message.text, limit: 300)")
        }
        if let line = await replyToLine(ticket, reply: reply) { lines.append(line) }
        await sayLines(reply, lines)
    }

    /// When the customer's latest message carries a Reply-To: where a reply would go, and how to choose
    /// the Reply-To when it is not this customer's address.
    private func replyToLine(_ ticket: Ticket, reply: Reply) async -> IRCLine? {
        guard let recipient = try? await replyRecipient(ticket), let replyTo = recipient.answering?.replyTo else { return nil }
        let going = shown(.email(recipient.address), reply)
        if recipient.reason == .replyToSameCustomer {
            return "#\(ticket.id) replies would go to \(going) (the Reply-To, an address of this customer)"
        }
        return "#\(ticket.id) replies would go to \(going) (From); Reply-To \(shown(.email(replyTo), reply)) is not this customer's address"
            + " — \(botText: settings.commandPrefix)send \(ticket.id) --to reply-to TEXT to answer there"
    }

    private func describeCustomer(_ ticket: Ticket, reply: Reply) async throws {
        guard let customer = try await database.customer(id: ticket.customerID) else {
            await say(reply, "#\(ticket.id) has no customer record")
            return
        }
        let contacts = try await database.contacts(customerID: customer.id)
        // Full contact details only in a direct message; channels see them masked.
        let shown = contacts.map { reply.isDirect ? $0.key.value : ContactMask.mask($0.key) }
        let facts = [customer.company, customer.plan.map { "plan \($0)" }, customer.owner.map { "owner \($0)" }, customer.language].compactMap { $0 }
        let tickets = try await database.tickets(customerID: customer.id)
        let factsLine: IRCLine = facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"
        let hint: IRCLine = reply.isDirect ? "" : " — \(botText: settings.commandPrefix)customer \(ticket.id) in a DM for full details"
        let ticketList = IRCLine.joined(tickets.prefix(8).map { "#\($0.id) \(botText: $0.state.rawValue)" }, separator: ", ")
        let notes: [IRCLine] = customer.notes.map { ["#\(ticket.id) notes: \($0)"] } ?? []
        await sayLines(reply, [
            "#\(ticket.id) customer \(customer.name)\(factsLine)",
            "#\(ticket.id) contacts: \(shown.joined(separator: ", "))\(hint)",
            "#\(ticket.id) tickets: \(ticketList)",
        ] + notes)
    }

    // MARK: - Drafting and sending

    /// The draft `send N` sends: the sender's own latest, else the latest anyone wrote, with its author
    /// named, so nobody sends a colleague's words without being told.
    private func latestDraft(_ ticketID: Int64, by account: String) async throws -> (text: String, author: String)? {
        let drafts = try await database.history(ticketID: ticketID).filter { $0.kind == .drafted }
        let draft = drafts.last { $0.actor.lowercased() == account.lowercased() } ?? drafts.last
        guard let draft, let text = draft.detail["text"] else { return nil }
        return (OutgoingText.clean(text), draft.actor)
    }

    private func draft(_ ticket: Ticket, facts: String?, actor: String, reply: Reply, id: Int64) async throws {
        let customer = try await database.customer(id: ticket.customerID)
        let article = await knowledgeReference(for: ticket)
        let expectation = Expectation.update(now: now(), hours: settings.followUps.hours, levels: settings.followUps.levels)
        var draft = ReplyDrafter().draft(customerName: customer?.name, lang: ticket.lang, channel: ticket.channel, facts: facts,
                                         article: article, expectation: expectation)
        var source = "built-in"
        if let llm = settings.llm {
            do {
                draft.text = try await llm.draft(try await llmContext(ticket, customer: customer, facts: facts, article: article, baseline: draft))
                source = "LLM"
            } catch {
                logger.warning("LLM drafter unavailable for #\(id), using the built-in draft: \(error)")
                draft.note = [draft.note, "the LLM drafter did not answer (\(error)); this is the built-in draft"].compactMap { $0 }.joined(separator: "; ")
            }
        }
        // Stored cleaned, and shown line by line from the stored string: what the agent reads is what `send` sends.
        let text = OutgoingText.clean(draft.text)
        _ = try await database.appendEvent(ticketID: id, actor: actor, kind: .drafted, detail: ["text": text, "lang": draft.lang, "source": source])
        let channelName = ticket.channel == .whatsapp ? "WhatsApp" : "email"
        var lines: [IRCLine] = ["Draft for #\(id) (\(botText: channelName), \(botText: draft.lang)):"]
        lines += OutgoingText.displayLines(text).map { "#\(id) │ \($0)" }
        if let article = draft.article { lines.append("#\(id) KB: \"\(article.title)\" · \(article.url)") }
        if let note = draft.note { lines.append("#\(id) note: \(botText: note)") }
        lines.append("#\(id) \(botText: settings.commandPrefix)send \(id) to send · \(botText: settings.commandPrefix)edit \(id) TEXT to change")
        for line in lines { await sayLine(reply, line) }
    }

    private func llmContext(_ ticket: Ticket, customer: Customer?, facts: String?, article: KnowledgeReference?,
                            baseline: ReplyDrafter.Draft) async throws -> LLMDrafter.Context {
        // Another sender's message on the ticket (a colleague in CC) is not put in the customer's mouth.
        let history = try await database.messages(ticketID: ticket.id).suffix(6).map { message in
            let role = message.direction == .outbound ? "agent"
                : (message.customerID ?? ticket.customerID) == ticket.customerID ? "customer" : "another sender"
            return (role, message.text)
        }
        return LLMDrafter.Context(
            customerName: customer?.name, company: customer?.company, plan: customer?.plan, lang: baseline.lang, channel: ticket.channel,
            facts: facts, history: history, article: article.map { ($0.title, $0.url, $0.passage) }, baseline: baseline.text)
    }

    private func send(_ ticket: Ticket, text: String?, anyway: Bool, toReplyTo: Bool = false, actor: String, reply: Reply, id: Int64) async throws {
        guard ticket.state != .closed else {
            await say(reply, "#\(id) is closed; \(botText: settings.commandPrefix)reopen \(id) first")
            return
        }
        var body = text.map(OutgoingText.clean)
        var draftAuthor: String?
        if body == nil, let draft = try await latestDraft(id, by: actor) {
            body = draft.text
            if draft.author.lowercased() != actor.lowercased() { draftAuthor = draft.author }
        }
        guard let body, !body.isEmpty else {
            await say(reply, "#\(id) has no draft: \(botText: settings.commandPrefix)draft \(id) [facts…] first, or \(botText: settings.commandPrefix)send \(id) TEXT")
            return
        }
        if !anyway && VagueReplyGuard.isVague(body) {
            await say(reply, "#\(id) held: that reply sets no time and no next step. Say what happens and by when, or \(botText: settings.commandPrefix)send \(id) --anyway TEXT.")
            return
        }
        if ticket.channel == .whatsapp, let last = try await lastInbound(ticket)?.receivedAt, !WhatsAppWindow.isOpen(lastInbound: last, now: now()) {
            let fitting = MessageTemplate.fitting(settings.templates, lang: ticket.lang).prefix(5)
            let offer: IRCLine = fitting.isEmpty
                ? "no templates are configured (whatsapp.templates)"
                : "\(botText: settings.commandPrefix)template \(id) NAME with one of: \(fitting.map { "\($0.name) (\($0.lang))" }.joined(separator: ", "))"
            await say(reply, "#\(id): outside WhatsApp's 24-hour window (last message \(botText: TicketCard.age(from: last, to: now())) ago); only a template can be sent — \(offer)")
            return
        }
        let draft = try await outboundDraft(ticket, text: body, author: actor, toReplyTo: toReplyTo)
        let item = try await database.enqueueOutbound(draft.draft)
        var to: IRCLine = ""
        if toReplyTo {
            // An agent overrode From: the log says who sent where.
            _ = try await database.appendEvent(ticketID: id, actor: actor, kind: .replyToChosen, detail: [
                "address": draft.recipient.address, "message": String(item.messageID),
            ])
            to = " to the Reply-To address \(shown(.email(draft.recipient.address), reply))"
        }
        await scheduleAfterReply(id)
        let whose: IRCLine = draftAuthor.map { ", \(botText: $0)'s draft" } ?? ""
        await say(reply, "#\(id) queued for \(botText: ticket.channel == .whatsapp ? "WhatsApp" : "email")\(to) (outbox \(item.id)\(whose))")
    }

    private func sendTemplate(_ ticket: Ticket, name: String, actor: String, reply: Reply, id: Int64) async throws {
        guard ticket.state != .closed else {
            await say(reply, "#\(id) is closed; \(botText: settings.commandPrefix)reopen \(id) first")
            return
        }
        guard ticket.channel == .whatsapp else {
            await say(reply, "#\(id) is an email ticket; templates are for WhatsApp. \(botText: settings.commandPrefix)send \(id) TEXT works on email at any time")
            return
        }
        guard let template = settings.templates.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
            let names = MessageTemplate.fitting(settings.templates, lang: ticket.lang).map(\.name)
            await say(reply, names.isEmpty ? "no WhatsApp templates are configured (whatsapp.templates)"
                                           : "#\(id): there is no template \"\(name)\"; configured: \(names.joined(separator: ", "))")
            return
        }
        let customer = try await database.customer(id: ticket.customerID)
        let rendered = template.render(TemplateContext(ticketID: id, customerName: customer?.name, company: customer?.company, agent: actor))
        let item = try await database.enqueueOutbound(try await outboundDraft(ticket, text: rendered.text, author: actor, template: rendered).draft)
        await scheduleAfterReply(id)
        await say(reply, "#\(id) template \(template.name) (\(template.lang)) queued for WhatsApp (outbox \(item.id)): \"\(OutgoingText.clean(rendered.text))\"")
    }

    private func close(_ ticket: Ticket, silent: Bool, resolution: String?, actor: String, reply: Reply, id: Int64) async throws {
        if silent || ticket.state == .closed {
            _ = try await database.apply(.closed(resolution: resolution), toTicket: id, actor: actor)
            await say(reply, "#\(id) closed by \(botText: actor)\(Self.quotedResolution(resolution)) (no confirmation sent)")
            return
        }
        let customer = try await database.customer(id: ticket.customerID)
        let confirmation = ClosingConfirmation.text(lang: ticket.lang, channel: ticket.channel, customerName: customer?.name)
        let draft = try await outboundDraft(ticket, text: confirmation, author: actor, isAutomatic: true).draft
        _ = try await database.enqueueOutbound(draft, lifecycle: .closed(resolution: resolution))
        await say(reply, "#\(id) closed by \(botText: actor)\(Self.quotedResolution(resolution)). Confirmation queued: \"\(draft.text)\"")
    }

    private static func quotedResolution(_ resolution: String?) -> IRCLine {
        resolution.map { ": \"\($0)\"" } ?? ""
    }

    /// The customer's latest message: it starts the WhatsApp window, names the provider, and is what
    /// an email reply threads onto.
    private func lastInbound(_ ticket: Ticket) async throws -> Message? {
        try await database.messages(ticketID: ticket.id).last { $0.direction == .inbound }
    }

    private func whatsappWindow(_ ticket: Ticket) async throws -> String? {
        guard let last = try await lastInbound(ticket)?.receivedAt else { return nil }
        guard WhatsAppWindow.isOpen(lastInbound: last, now: now()) else { return "WhatsApp window closed: templates only." }
        return "WhatsApp window open for \(DurationText.words(WhatsAppWindow.remaining(lastInbound: last, now: now()))) more."
    }

    /// The outbox payload for the ticket's channel: recipient and text, plus email threading. The
    /// recipient is ``ReplyRecipient``'s choice (From, or a Reply-To of the same customer, or the
    /// Reply-To an agent asked for); a WhatsApp reply leaves from the number the customer wrote to.
    func outboundDraft(_ ticket: Ticket, text rawText: String, author: String, isAutomatic: Bool = false,
                       template: RenderedTemplate? = nil, toReplyTo: Bool = false) async throws -> (draft: OutboundDraft, recipient: ReplyRecipient) {
        // Every reply, draft, template and confirmation leaves through here, cleaned the way drafts are shown.
        let text = OutgoingText.clean(rawText)
        let recipient = try await replyRecipient(ticket, toReplyTo: toReplyTo)
        var subject: String?
        var messageID: String?
        var inReplyTo: String?
        var references: [String] = []
        let last = try await lastInbound(ticket)
        if ticket.channel == .email {
            subject = TicketReference(ticket.id).replySubject(to: ticket.subject ?? last?.subject ?? "Your request")
            messageID = "\(UUID().uuidString.lowercased())@switchboard"
            inReplyTo = last?.emailMessageID
            references = (last?.references ?? []) + [last?.emailMessageID].compactMap { $0 }
        }
        let whatsapp = ticket.channel == .whatsapp ? recipient.answering ?? last : nil
        let provider = whatsapp?.providerID.flatMap(WhatsAppProvider.init(messageID:))
        let payload = try JSONEncoder().encode(OutboundPayload(ticket: ticket.id, to: recipient.address, text: text, subject: subject,
                                                                   isAutomatic: isAutomatic ? true : nil, template: template,
                                                                   provider: provider, from: whatsapp?.businessNumber))
        let draft = OutboundDraft(ticketID: ticket.id, channel: ticket.channel, text: text, payload: payload, author: author, subject: subject,
                                  emailMessageID: messageID, inReplyTo: inReplyTo, references: references)
        return (draft, recipient)
    }

    /// Where a reply to this ticket goes now (see ``ReplyRecipient``).
    func replyRecipient(_ ticket: Ticket, toReplyTo: Bool = false) async throws -> ReplyRecipient {
        let messages = try await database.messages(ticketID: ticket.id)
        let replyTo = ReplyRecipient.latestFromCustomer(ticket: ticket, messages: messages)?.replyTo
        var owner: Int64?
        if let replyTo { owner = try await database.customer(matching: .email(replyTo))?.id }
        let contacts = try await database.contacts(customerID: ticket.customerID)
        switch ReplyRecipient.choose(ticket: ticket, messages: messages, contacts: contacts, replyToOwner: owner, agentChoseReplyTo: toReplyTo) {
        case .success(let recipient):
            return recipient
        case .failure(.noReplyTo):
            throw DeskError(description: "#\(ticket.id): the customer's last message has no Reply-To address; nothing was queued")
        case .failure(.noAddress):
            throw DeskError(description: "#\(ticket.id): the customer has no \(ticket.channel == .whatsapp ? "WhatsApp number" : "email address")")
        }
    }

    /// An address as this reply may show it: in full in a direct message, masked in a channel.
    func shown(_ key: ContactKey, _ reply: Reply) -> String {
        reply.isDirect ? key.value : ContactMask.mask(key)
    }
}

struct DeskError: Error, CustomStringConvertible {
    var description: String
}

/// "Glad that's sorted — anything else?" in the customer's language and the channel's tone.
enum ClosingConfirmation {
    static let texts: [String: String] = [
        "en": "Glad that's sorted — anything else we can help with?",
        "ar": "سعداء إن المشكلة اتحلت — في أي حاجة تانية نقدر نساعدك فيها؟",
        "ar-Latn": "7elw en el moshkla et7alet — fi ay 7aga tanya ne2dar nsa3dak fiha?",
        "hi": "खुशी है कि समस्या हल हो गई — और कुछ मदद चाहिए?",
        "hi-Latn": "Khushi hai ki issue solve ho gaya — aur kuch madad chahiye?",
        "ur": "خوشی ہے کہ مسئلہ حل ہو گیا — کوئی اور مدد چاہیے؟",
        "ur-Latn": "Khushi hai ke masla hal ho gaya — koi aur madad chahiye?",
        "id": "Senang masalahnya sudah beres — ada lagi yang bisa kami bantu?",
        "ms": "Gembira masalah sudah selesai — ada apa-apa lagi yang boleh kami bantu?",
        "tl": "Natutuwa kaming naayos na — may iba pa ba kaming maitutulong?",
        "th": "ดีใจที่แก้ไขเรียบร้อยแล้วค่ะ — มีอะไรให้ช่วยเพิ่มเติมไหมคะ",
        "vi": "Rất vui vì vấn đề đã được giải quyết — anh/chị cần hỗ trợ gì thêm không ạ?",
    ]

    static func text(lang: String?, channel: Channel, customerName: String?) -> String {
        let base = lang.flatMap { texts[$0] } ?? texts["en"]!
        guard channel == .email, let first = customerName?.split(separator: " ").first else { return base }
        return "\(first), \(base)"
    }
}
