import Foundation
import Testing

@testable import SMTPClient

@Suite struct HeaderFolderTests {
    @Test func shortFieldsStayOnOneLine() {
        #expect(String(decoding: HeaderFolder.field("Subject", tokens: ["Hello", "there"]), as: UTF8.self) == "Subject: Hello there\r\n")
    }

    @Test func foldsBetweenTokensNearSeventySixColumns() {
        let tokens = (1...40).map { "<id\($0)@mail.example.com>" }
        let text = String(decoding: HeaderFolder.field("References", tokens: tokens), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 1)
        for (index, line) in lines.enumerated() {
            #expect(line.utf8.count <= 76)
            if index > 0 { #expect(line.hasPrefix(" ")) }
        }
        #expect(ReferenceDecoders.unfold(text) == "References: " + tokens.joined(separator: " ") + "\r\n")
    }

    @Test func aLongTokenGetsALineOfItsOwnButIsNeverBroken() {
        let long = String(repeating: "x", count: 120)
        let text = String(decoding: HeaderFolder.field("X-Long", tokens: ["a", long, "b"]), as: UTF8.self)
        #expect(text == "X-Long: a\r\n \(long)\r\n b\r\n")
    }
}
