import Testing
@testable import Mail

@Suite struct Base64DecodingTests {
    private func decode(_ s: String) -> String {
        String(decoding: Base64Decoding.decode(Array(s.utf8)), as: UTF8.self)
    }

    @Test func standardAndWrapped() {
        #expect(decode("SGVsbG8sIHdvcmxkIQ==") == "Hello, world!")
        #expect(decode("SGVsbG8s\r\nIHdvcmxk\nIQ==") == "Hello, world!")
        #expect(decode("  SGVs bG8s\tIHdvcmxkIQ==  ") == "Hello, world!")
    }

    @Test func badOrMissingPadding() {
        #expect(decode("SGVsbG8sIHdvcmxkIQ") == "Hello, world!")
        #expect(decode("SGVsbG8sIHdvcmxkIQ=") == "Hello, world!")
        #expect(decode("SGVsbG8sIHdvcmxkIQ====") == "Hello, world!")
        #expect(decode("SGk") == "Hi")
        #expect(decode("S") == "")
    }

    @Test func concatenatedPaddedChunksStayAligned() {
        #expect(decode("SGk=SGk=") == "HiHi")
    }

    @Test func junkCharactersAreSkipped() {
        #expect(decode("SGVs*bG8=!") == "Hello")
    }

    @Test func countMatchesDecodedLength() {
        let input = Array("SGVsbG8sIHdvcmxkIQ\n==".utf8)
        let count = input.withUnsafeBufferPointer { Base64Decoding.decodedCount($0) }
        #expect(count == 13)
    }
}
