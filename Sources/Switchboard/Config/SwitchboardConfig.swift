import Desk
import Foundation
import IRC
import IRCClient
import WhatsApp
import Yams

/// The whole configuration, validated. Keys and shapes follow DESIGN.md's config contract; relative paths
/// are resolved against the config file's folder.
struct SwitchboardConfig: Sendable {
    struct IRCSection: Sendable {
        var client: IRCClientConfiguration
        var commandPrefix: String
    }

    struct HTTPSection: Sendable {
        var host: String
        var port: Int
        var publicURL: String
        var webhookBodyLimit: Int
        var emailBodyLimit: Int
    }

    struct TwilioSection: Sendable {
        var accountSID: String
        var authToken: String
        /// `from`: one number or a list, normalised to `whatsapp:+E164`. Inbound messages and status
        /// callbacks for any other number are ignored; the first is the default sender.
        var numbers: [String]
        var apiBaseURL: String
        /// The default sender: the first configured number.
        var from: String { numbers.first ?? "" }
    }

    struct MetaSection: Sendable {
        var appSecret: String
        var verifyToken: String
        var accessToken: String
        /// `phone_number_id`: one id or a list. Notifications for any other are ignored; the first is
        /// the default sender.
        var phoneNumberIDs: [String]
        var apiBaseURL: String
        /// The default sender: the first configured phone number id.
        var phoneNumberID: String { phoneNumberIDs.first ?? "" }
    }

    struct SMTPSection: Sendable {
        enum Security: String, Sendable { case starttls, tls, none }
        var host: String
        var port: Int
        var security: Security
        var username: String?
        var password: String?
        var caFile: String?
    }

    struct EmailSection: Sendable {
        var address: String
        var inboundToken: String?
        var smtp: SMTPSection?
    }

    struct RouteRule: Sendable {
        struct Match: Sendable {
            var category: [String] = []
            var urgency: [String] = []
            var source: [String] = []
            var lang: [String] = []
            var plan: [String] = []
            var tag: [String] = []
            var keywords: [String] = []
        }
        var index: Int
        var isDefault: Bool
        var match: Match
        var channel: String
        var team: String?
        var owner: String?
        var cc: [String]
        var mention: Bool
    }

    struct Agent: Sendable {
        enum Role: String, Sendable { case agent, lead, admin }
        var account: String
        var teams: [String]
        var role: Role
    }

    var file: String
    var irc: IRCSection?
    var http: HTTPSection
    var storagePath: String
    var twilio: TwilioSection?
    var meta: MetaSection?
    var email: EmailSection?
    var routing: [RouteRule]
    var kbPath: String?
    var customersCSV: String?
    /// Pre-approved WhatsApp templates, `whatsapp.templates`.
    var templates: [MessageTemplate] = []
    /// `business_hours`, `sla` and `follow_ups`: when timers chase silent and unanswered tickets.
    var followUps = FollowUpSettings()
    /// `churn: {channel, digest_at, weekly_on}`: the churn watch's digests; on by default when a routing
    /// rule sends churn_risk somewhere.
    var churnWatch: DeskBot.ChurnWatchSettings?
    /// `drafting.llm`: the optional OpenAI-compatible drafter.
    var llm: LLMDrafter.Settings?
    /// `retention.messages`: how long closed tickets keep their messages; nil keeps them forever.
    var messageRetention: Duration?
    var agents: [Agent]
}

extension SwitchboardConfig {
    static let categories: Set<String> = ["support", "billing", "churn_risk", "feature_request", "bug_report", "no_action"]

    /// Reads and validates a config file. Returns the config (nil when there are errors) and every problem.
    static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (config: SwitchboardConfig?, problems: [ConfigProblem])
    {
        let reader = ConfigReader(environment: environment)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return (nil, [ConfigProblem(path: path, message: "cannot read the file: \(error.localizedDescription)")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return (nil, [ConfigProblem(path: path, message: "is not valid YAML: \(error)")])
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let config = parse(root, reader: reader, base: base, file: path)
        return (reader.hasErrors ? nil : config, reader.problems)
    }

    private static func resolve(_ path: String?, base: URL) -> String? {
        guard let path else { return nil }
        return path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path
    }

    private static func parse(_ root: Node?, reader r: ConfigReader, base: URL, file: String) -> SwitchboardConfig {
        let top = r.mapping(root, at: "", allowed: [
            "irc", "http", "storage", "whatsapp", "email", "routing", "kb", "customers", "agents", "business_hours", "sla", "follow_ups", "churn", "drafting",
            "retention",
        ]) ?? [:]
        let irc = parseIRC(top["irc"], reader: r, base: base)
        let http = parseHTTP(top["http"], reader: r)
        let storage = r.mapping(top["storage"], at: "storage", allowed: ["path"]) ?? [:]
        let storagePath = resolve(r.string(storage["path"], at: "storage.path"), base: base)
            ?? base.appendingPathComponent("var/switchboard.sqlite").path
        let whatsapp = r.mapping(top["whatsapp"], at: "whatsapp", allowed: ["twilio", "meta", "templates"]) ?? [:]
        let twilio = parseTwilio(whatsapp["twilio"], reader: r)
        let meta = parseMeta(whatsapp["meta"], reader: r)
        let email = parseEmail(top["email"], reader: r, base: base)
        let channelTypes = Set<Character>(["#", "&"])
        let routing = parseRouting(top["routing"], reader: r, channelTypes: channelTypes)
        let kb = r.mapping(top["kb"], at: "kb", allowed: ["path"]) ?? [:]
        let kbPath = resolve(r.string(kb["path"], at: "kb.path"), base: base)
        var isFolder: ObjCBool = false
        if let kbPath, !(FileManager.default.fileExists(atPath: kbPath, isDirectory: &isFolder) && isFolder.boolValue) {
            r.warning("kb.path", "\(kbPath) is not a folder; `kb` and drafts will have no articles until it exists")
        }
        let customers = r.mapping(top["customers"], at: "customers", allowed: ["csv"]) ?? [:]
        let agents = parseAgents(top["agents"], reader: r)
        let teams = Set(agents.flatMap(\.teams))
        for rule in routing {
            if let team = rule.team, !teams.isEmpty, !teams.contains(team) {
                r.warning("routing[\(rule.index)].team", "no agent is in team \"\(team)\"")
            }
        }
        var config = SwitchboardConfig(
            file: file, irc: irc, http: http, storagePath: storagePath, twilio: twilio, meta: meta, email: email,
            routing: routing, kbPath: kbPath,
            customersCSV: resolve(r.string(customers["csv"], at: "customers.csv"), base: base), agents: agents)
        config.templates = parseTemplates(whatsapp["templates"], reader: r, twilio: twilio != nil)
        config.followUps = parseFollowUps(hours: top["business_hours"], sla: top["sla"], followUps: top["follow_ups"], reader: r)
        config.llm = parseDrafting(top["drafting"], reader: r)
        config.messageRetention = parseRetention(top["retention"], reader: r)
        config.churnWatch = parseChurnWatch(top["churn"], routing: routing, timeZone: config.followUps.hours.timeZone, reader: r)
        return config
    }

    private static func parseIRC(_ node: Node?, reader r: ConfigReader, base: URL) -> IRCSection? {
        guard let irc = r.mapping(node, at: "irc", allowed: [
            "host", "port", "tls", "ca_file", "tls_fingerprints", "tls_insecure", "client_cert", "nick", "alternate_nicks",
            "username", "realname", "sasl", "channels", "command_prefix", "flood", "services_nick",
        ]) else { return nil }
        let host = r.string(irc["host"], at: "irc.host", required: true) ?? ""
        let tls = r.bool(irc["tls"], at: "irc.tls") ?? true
        let port = r.int(irc["port"], at: "irc.port", range: 1...65535) ?? (tls ? 6697 : 6667)
        let nick = r.string(irc["nick"], at: "irc.nick", required: true) ?? "switchboard"
        if IRCNickname(nick, maxLength: 30) == nil || nick.contains(" ") {
            r.error("irc.nick", "\"\(nick)\" is not a valid nick")
        }
        let insecure = r.bool(irc["tls_insecure"], at: "irc.tls_insecure") ?? false
        if !tls && host != "localhost" && host != "127.0.0.1" && host != "::1" {
            r.warning("irc.tls", "plaintext IRC to \(host): passwords and customer messages cross the network unencrypted")
        }
        var sasl: IRCClientConfiguration.SASLSettings?
        if let saslNode = r.mapping(irc["sasl"], at: "irc.sasl", allowed: ["mechanism", "account", "password"]) {
            let mechanismText = (r.string(saslNode["mechanism"], at: "irc.sasl.mechanism") ?? "PLAIN").uppercased()
            let mechanism = IRCClientConfiguration.SASLSettings.Mechanism(rawValue: mechanismText)
            if mechanism == nil { r.error("irc.sasl.mechanism", "\"\(mechanismText)\" is not PLAIN or EXTERNAL") }
            let account = r.string(saslNode["account"], at: "irc.sasl.account", required: true) ?? ""
            let password = r.secret(saslNode["password"], at: "irc.sasl.password")
            if mechanism == .plain && password == nil { r.error("irc.sasl.password", "is required for PLAIN") }
            sasl = .init(mechanism: mechanism ?? .plain, account: account, password: password)
        }
        var channels: [IRCClientConfiguration.ChannelSettings] = []
        for (index, item) in (r.sequence(irc["channels"], at: "irc.channels") ?? []).enumerated() {
            let path = "irc.channels[\(index)]"
            var name: String?
            var key: String?
            if item.mapping != nil {
                let fields = r.mapping(item, at: path, allowed: ["name", "key"]) ?? [:]
                name = r.string(fields["name"], at: "\(path).name", required: true)
                key = r.secret(fields["key"], at: "\(path).key")
            } else {
                name = r.string(item, at: path)
            }
            guard let name else { continue }
            if IRCChannelName(name, channelTypes: ["#", "&"]) == nil {
                r.error(path, "\"\(name)\" is not a valid channel name")
            }
            channels.append(.init(name: name, key: key))
        }
        let flood = r.mapping(irc["flood"], at: "irc.flood", allowed: ["burst", "interval"]) ?? [:]
        let clientCert = resolve(r.string(irc["client_cert"], at: "irc.client_cert"), base: base)
        let caFile = resolve(r.string(irc["ca_file"], at: "irc.ca_file"), base: base)
        for (key, file) in [("irc.client_cert", clientCert), ("irc.ca_file", caFile)] {
            if let file, !FileManager.default.fileExists(atPath: file) { r.error(key, "file \(file) does not exist") }
        }
        if sasl?.mechanism == .external && clientCert == nil {
            r.error("irc.client_cert", "SASL EXTERNAL needs a client certificate")
        }
        let fingerprints = r.strings(irc["tls_fingerprints"], at: "irc.tls_fingerprints") ?? []
        for (index, pin) in fingerprints.enumerated() where pin.filter({ $0 != ":" }).count != 64 || !pin.allSatisfy({ $0.isHexDigit || $0 == ":" }) {
            // A malformed pin matches no certificate, so the bot would never connect: say so before it tries.
            r.error("irc.tls_fingerprints[\(index)]", "\"\(pin)\" is not a SHA-256 fingerprint (64 hex digits, colons allowed)")
        }
        var client = IRCClientConfiguration(
            host: host, port: port, useTLS: tls, caFile: caFile,
            tlsFingerprints: fingerprints,
            insecureSkipVerify: insecure, clientCertificateFile: clientCert, nick: nick,
            alternateNicks: r.strings(irc["alternate_nicks"], at: "irc.alternate_nicks") ?? [],
            username: r.string(irc["username"], at: "irc.username"),
            realname: r.string(irc["realname"], at: "irc.realname") ?? "Switchboard support desk",
            sasl: sasl, channels: channels,
            floodBurst: r.int(flood["burst"], at: "irc.flood.burst", range: 1...20) ?? 4,
            floodInterval: r.duration(flood["interval"], at: "irc.flood.interval") ?? .seconds(2))
        // Atheme and Anope both answer as NickServ; `services_nick: null` turns the watch off.
        if let servicesNode = irc["services_nick"] {
            client.servicesNick = servicesNode.null != nil ? nil : r.string(servicesNode, at: "irc.services_nick")
        }
        let prefix = r.string(irc["command_prefix"], at: "irc.command_prefix") ?? "!"
        if prefix.isEmpty || prefix.contains(" ") { r.error("irc.command_prefix", "must be non-empty with no spaces") }
        return IRCSection(client: client, commandPrefix: prefix)
    }

    private static func parseHTTP(_ node: Node?, reader r: ConfigReader) -> HTTPSection {
        let http = r.mapping(node, at: "http", allowed: ["bind", "public_url", "webhook_body_limit", "email_body_limit"]) ?? [:]
        let bind = r.string(http["bind"], at: "http.bind") ?? "127.0.0.1:8080"
        var host = "127.0.0.1"
        var port = 8080
        if let colon = bind.lastIndex(of: ":"), let parsed = Int(bind[bind.index(after: colon)...]), (0...65535).contains(parsed) {
            host = String(bind[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            port = parsed
        } else {
            r.error("http.bind", "\"\(bind)\" is not HOST:PORT")
        }
        let publicURL = r.string(http["public_url"], at: "http.public_url") ?? "http://\(bind)"
        if URL(string: publicURL)?.scheme == nil { r.error("http.public_url", "\"\(publicURL)\" is not an absolute URL") }
        return HTTPSection(
            host: host, port: port, publicURL: publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL,
            webhookBodyLimit: r.int(http["webhook_body_limit"], at: "http.webhook_body_limit", range: 1024...(1 << 30)) ?? (1 << 20),
            emailBodyLimit: r.int(http["email_body_limit"], at: "http.email_body_limit", range: 1024...(1 << 30)) ?? (25 << 20))
    }

    private static func parseTwilio(_ node: Node?, reader r: ConfigReader) -> TwilioSection? {
        guard let t = r.mapping(node, at: "whatsapp.twilio", allowed: ["account_sid", "auth_token", "from", "api_base_url"]) else { return nil }
        return TwilioSection(
            accountSID: r.string(t["account_sid"], at: "whatsapp.twilio.account_sid", required: true) ?? "",
            authToken: r.secret(t["auth_token"], at: "whatsapp.twilio.auth_token") ?? { r.error("whatsapp.twilio.auth_token", "is required"); return "" }(),
            numbers: parseNumbers(t["from"], at: "whatsapp.twilio.from", reader: r) { raw, path in
                guard let address = BusinessNumbers.twilioAddress(raw) else {
                    r.error(path, "\"\(raw)\" is not a WhatsApp number (whatsapp:+E164)")
                    return nil
                }
                return address
            },
            apiBaseURL: r.string(t["api_base_url"], at: "whatsapp.twilio.api_base_url") ?? "https://api.twilio.com")
    }

    private static func parseMeta(_ node: Node?, reader r: ConfigReader) -> MetaSection? {
        guard let m = r.mapping(node, at: "whatsapp.meta", allowed: ["app_secret", "verify_token", "access_token", "phone_number_id", "api_base_url"]) else { return nil }
        return MetaSection(
            appSecret: r.secret(m["app_secret"], at: "whatsapp.meta.app_secret") ?? { r.error("whatsapp.meta.app_secret", "is required"); return "" }(),
            verifyToken: r.secret(m["verify_token"], at: "whatsapp.meta.verify_token") ?? { r.error("whatsapp.meta.verify_token", "is required"); return "" }(),
            accessToken: r.secret(m["access_token"], at: "whatsapp.meta.access_token") ?? "",
            phoneNumberIDs: parseNumbers(m["phone_number_id"], at: "whatsapp.meta.phone_number_id", reader: r) { raw, path in
                let id = raw.trimmingCharacters(in: .whitespaces)
                if !id.allSatisfy({ $0.isASCII && $0.isNumber }) { r.warning(path, "\"\(raw)\" does not look like a Meta phone number id (digits)") }
                return id
            },
            apiBaseURL: r.string(m["api_base_url"], at: "whatsapp.meta.api_base_url") ?? "https://graph.facebook.com/v21.0")
    }

    /// A business number, or a list of them (several WhatsApp numbers on one desk). Every entry is read
    /// by `read`, which reports its own problems at the entry's key path; duplicates and an empty list
    /// are errors, since the list decides which webhooks are ours.
    private static func parseNumbers(
        _ node: Node?, at path: String, reader r: ConfigReader, read: (String, String) -> String?
    ) -> [String] {
        var entries: [(path: String, value: String)] = []
        if let node, node.sequence != nil {
            for (index, item) in (r.sequence(node, at: path) ?? []).enumerated() {
                if let value = r.string(item, at: "\(path)[\(index)]", required: true) { entries.append(("\(path)[\(index)]", value)) }
            }
            if entries.isEmpty { r.error(path, "needs at least one number") }
        } else if let value = r.string(node, at: path, required: true) {
            entries.append((path, value))
        }
        var numbers: [String] = []
        for entry in entries {
            guard !entry.value.trimmingCharacters(in: .whitespaces).isEmpty else {
                r.error(entry.path, "is empty")
                continue
            }
            guard let number = read(entry.value, entry.path) else { continue }
            if numbers.contains(number) {
                r.error(entry.path, "\"\(entry.value)\" is listed twice")
            } else {
                numbers.append(number)
            }
        }
        return numbers
    }

    private static func parseEmail(_ node: Node?, reader r: ConfigReader, base: URL) -> EmailSection? {
        guard let e = r.mapping(node, at: "email", allowed: ["address", "inbound_token", "smtp"]) else { return nil }
        let address = r.string(e["address"], at: "email.address", required: true) ?? ""
        if !address.contains("@") { r.error("email.address", "\"\(address)\" is not an email address") }
        var smtp: SMTPSection?
        if let s = r.mapping(e["smtp"], at: "email.smtp", allowed: ["host", "port", "tls", "username", "password", "ca_file"]) {
            let securityText = r.string(s["tls"], at: "email.smtp.tls") ?? "starttls"
            let security = SMTPSection.Security(rawValue: securityText)
            if security == nil { r.error("email.smtp.tls", "\"\(securityText)\" is not starttls, tls or none") }
            let host = r.string(s["host"], at: "email.smtp.host", required: true) ?? ""
            if security == SMTPSection.Security.none, !["localhost", "127.0.0.1", "::1"].contains(host) {
                r.error("email.smtp.tls", "none is only allowed to localhost")
            }
            smtp = SMTPSection(
                host: host, port: r.int(s["port"], at: "email.smtp.port", range: 1...65535) ?? (security == .tls ? 465 : 587),
                security: security ?? .starttls, username: r.string(s["username"], at: "email.smtp.username"),
                password: r.secret(s["password"], at: "email.smtp.password"),
                caFile: resolve(r.string(s["ca_file"], at: "email.smtp.ca_file"), base: base))
        }
        return EmailSection(address: address, inboundToken: r.secret(e["inbound_token"], at: "email.inbound_token"), smtp: smtp)
    }

    private static func parseRouting(_ node: Node?, reader r: ConfigReader, channelTypes: Set<Character>) -> [RouteRule] {
        var rules: [RouteRule] = []
        let items = r.sequence(node, at: "routing") ?? []
        for (index, item) in items.enumerated() {
            let path = "routing[\(index)]"
            guard let fields = r.mapping(item, at: path, allowed: ["match", "default", "channel", "team", "owner", "cc", "mention"]) else { continue }
            let isDefault = r.bool(fields["default"], at: "\(path).default") ?? false
            var match = RouteRule.Match()
            if let m = r.mapping(fields["match"], at: "\(path).match", allowed: ["category", "urgency", "source", "lang", "plan", "tag", "keywords"]) {
                func list(_ key: String) -> [String] {
                    guard let node = m[key] else { return [] }
                    return node.sequence != nil ? (r.strings(node, at: "\(path).match.\(key)") ?? []) : [r.string(node, at: "\(path).match.\(key)")].compactMap { $0 }
                }
                match = RouteRule.Match(category: list("category"), urgency: list("urgency"), source: list("source"), lang: list("lang"),
                                        plan: list("plan"), tag: list("tag"), keywords: list("keywords"))
                for category in match.category where !categories.contains(category) {
                    r.error("\(path).match.category", "\"\(category)\" is not one of \(categories.sorted().joined(separator: ", "))")
                }
                for urgency in match.urgency where !["high", "normal"].contains(urgency) {
                    r.error("\(path).match.urgency", "\"\(urgency)\" is not high or normal")
                }
                for source in match.source where !["whatsapp", "email"].contains(source) {
                    r.error("\(path).match.source", "\"\(source)\" is not whatsapp or email")
                }
            } else if !isDefault {
                r.error(path, "needs `match:` or `default: true`")
            }
            let channel = r.string(fields["channel"], at: "\(path).channel", required: true) ?? ""
            if !channel.isEmpty, IRCChannelName(channel, channelTypes: channelTypes) == nil {
                r.error("\(path).channel", "\"\(channel)\" is not a valid channel name")
            }
            let cc = r.strings(fields["cc"], at: "\(path).cc") ?? []
            for (ccIndex, name) in cc.enumerated() where IRCChannelName(name, channelTypes: channelTypes) == nil {
                r.error("\(path).cc[\(ccIndex)]", "\"\(name)\" is not a valid channel name")
            }
            rules.append(RouteRule(index: index, isDefault: isDefault, match: match, channel: channel,
                                   team: r.string(fields["team"], at: "\(path).team"), owner: r.string(fields["owner"], at: "\(path).owner"),
                                   cc: cc, mention: r.bool(fields["mention"], at: "\(path).mention") ?? false))
        }
        if !items.isEmpty, !rules.contains(where: \.isDefault) {
            r.warning("routing", "no `default: true` rule; unmatched tickets go to the first configured channel")
        }
        return rules
    }

    private static func parseAgents(_ node: Node?, reader r: ConfigReader) -> [Agent] {
        var agents: [Agent] = []
        for (index, item) in (r.sequence(node, at: "agents") ?? []).enumerated() {
            let path = "agents[\(index)]"
            guard let fields = r.mapping(item, at: path, allowed: ["account", "teams", "role"]) else { continue }
            let account = r.string(fields["account"], at: "\(path).account", required: true) ?? ""
            let roleText = r.string(fields["role"], at: "\(path).role") ?? "agent"
            let role = Agent.Role(rawValue: roleText)
            if role == nil { r.error("\(path).role", "\"\(roleText)\" is not agent, lead or admin") }
            if agents.contains(where: { $0.account.lowercased() == account.lowercased() }) {
                r.error("\(path).account", "\"\(account)\" is listed twice")
            }
            agents.append(Agent(account: account, teams: r.strings(fields["teams"], at: "\(path).teams") ?? [], role: role ?? .agent))
        }
        return agents
    }
}
