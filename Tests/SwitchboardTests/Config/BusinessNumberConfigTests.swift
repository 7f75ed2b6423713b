import Foundation
@testable import Switchboard
import Testing
import WhatsApp

/// `whatsapp.twilio.from` and `whatsapp.meta.phone_number_id` take one number or a list (DESIGN's second
/// round); each entry is checked at its own key path, because the list decides which webhooks are ours.
@Suite("check-config: WhatsApp numbers")
struct BusinessNumberConfigTests {
    static let environment = ["SB_TOKEN": "x"]

    static func config(twilioFrom: String, metaID: String) -> String {
        """
        http: {bind: 127.0.0.1:8080, public_url: https://x.example}
        whatsapp:
          twilio: {account_sid: AC1, auth_token: "${SB_TOKEN}", from: \(twilioFrom)}
          meta: {app_secret: "${SB_TOKEN}", verify_token: "${SB_TOKEN}", access_token: "${SB_TOKEN}", phone_number_id: \(metaID)}
        """
    }

    @Test("lists are read and normalised; the first number of each is the default sender")
    func listsAreRead() throws {
        let path = try CheckConfigTests.write(Self.config(
            twilioFrom: #"["whatsapp:+14155238886", "whatsapp:+971 4 555 0100"]"#, metaID: #"["1234", "5678"]"#))
        let (config, problems) = SwitchboardConfig.load(path: path, environment: Self.environment)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        #expect(config?.twilio?.numbers == ["whatsapp:+14155238886", "whatsapp:+97145550100"])
        #expect(config?.twilio?.from == "whatsapp:+14155238886")
        #expect(config?.meta?.phoneNumberIDs == ["1234", "5678"])
        #expect(config?.meta?.phoneNumberID == "1234")
        let settings = try #require(config.map(WebhookServerSettings.init(config:)))
        #expect(settings.numbers.owns(twilio: "whatsapp:+97145550100") && settings.numbers.owns(meta: "5678"))
    }

    @Test("one number as before is still a valid config")
    func singleNumber() throws {
        let path = try CheckConfigTests.write(Self.config(twilioFrom: #""whatsapp:+14155238886""#, metaID: #""1234""#))
        let (config, problems) = SwitchboardConfig.load(path: path, environment: Self.environment)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        #expect(config?.twilio?.numbers == ["whatsapp:+14155238886"])
        #expect(config?.meta?.phoneNumberIDs == ["1234"])
    }

    @Test("a bad, duplicate or missing number is an error at its key path, and the exit code is 1")
    func badNumbers() async throws {
        let path = try CheckConfigTests.write(Self.config(
            twilioFrom: #"["whatsapp:+14155238886", "not a number", "whatsapp:+1 415 523 8886"]"#, metaID: #"["1234", "", "1234"]"#))
        let result = try await SwitchboardBinary.run(["check-config", "--config", path], environment: Self.environment)
        #expect(result.status == 1)
        for expected in [
            #"whatsapp.twilio.from[1]: "not a number" is not a WhatsApp number"#,
            #"whatsapp.twilio.from[2]: "whatsapp:+1 415 523 8886" is listed twice"#,
            "whatsapp.meta.phone_number_id[1]: is empty",
            #"whatsapp.meta.phone_number_id[2]: "1234" is listed twice"#,
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\nstderr: \(result.stderr)")
        }
        let empty = try CheckConfigTests.write(Self.config(twilioFrom: "[]", metaID: #""1234""#))
        let none = try await SwitchboardBinary.run(["check-config", "--config", empty], environment: Self.environment)
        #expect(none.status == 1)
        #expect(none.stderr.contains("whatsapp.twilio.from: needs at least one number"), "\(none.stderr)")
    }
}
