import Foundation
import Testing
@testable import Mail

@Suite struct EmailDateParserTests {
    @Test func rfc5322Dates() throws {
        let date = try #require(EmailDateParser.parse("Mon, 03 Mar 2025 09:12:44 +0800"))
        #expect(date.timeIntervalSince1970 == 1_740_964_364)
        #expect(EmailDateParser.parse("Fri,  7 Mar 2025 10:15:03 +0300 (+03)")?.timeIntervalSince1970 == 1_741_331_703)
        #expect(EmailDateParser.parse("7 Mar 25 10:15 GMT")?.timeIntervalSince1970 == 1_741_342_500)
        #expect(EmailDateParser.parse("not a date") == nil)
        #expect(EmailDateParser.parse("Mon, 3 Mar 99999999999999999 99:99:99 +99999") == nil)
        #expect(EmailDateParser.parse("3 Mar 2025 10:00 -99999999999999999") != nil)
    }
}
