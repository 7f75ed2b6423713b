import Yams

extension SwitchboardConfig {
    /// `drafting: {llm: {base_url, model, api_key, timeout}}`: the optional OpenAI-compatible drafter,
    /// off unless configured. The key comes from the environment like every secret.
    static func parseDrafting(_ node: Node?, reader r: ConfigReader) -> LLMDrafter.Settings? {
        guard let drafting = r.mapping(node, at: "drafting", allowed: ["llm"]),
              let llm = r.mapping(drafting["llm"], at: "drafting.llm", allowed: ["base_url", "model", "api_key", "timeout"]) else { return nil }
        let baseURL = r.string(llm["base_url"], at: "drafting.llm.base_url", required: true) ?? ""
        if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            r.error("drafting.llm.base_url", "\"\(baseURL)\" is not an http(s) URL")
        } else if baseURL.hasPrefix("http://") && !(baseURL.contains("://127.0.0.1") || baseURL.contains("://localhost")) {
            r.warning("drafting.llm.base_url", "plain http to a remote host: customer messages would cross the network unencrypted")
        }
        return LLMDrafter.Settings(
            baseURL: baseURL, model: r.string(llm["model"], at: "drafting.llm.model", required: true) ?? "",
            apiKey: r.secret(llm["api_key"], at: "drafting.llm.api_key"),
            timeout: r.duration(llm["timeout"], at: "drafting.llm.timeout") ?? .seconds(20))
    }
}
