import EmulatorCore
import Testing

@testable import CognitoEmulator

@Suite("short-lived entries of the managed login pages")
struct ExpiringEntriesTests {
    @Test("expired entries are swept as entries are added: a steady stream keeps a bounded number, not all ever made")
    func sweptAsAdded() {
        let clock = EmulatorClock()
        let entries = ExpiringEntries<Int>(clock: clock)
        for index in 0..<10_000 {
            entries.insert(index, for: "k\(index)", lifetime: 10)
            clock.advance(seconds: 0.1)  // 100 alive at any time
        }
        #expect(entries.count <= 2 * 128)
        #expect(entries.peek("k9999") == 9999)
        #expect(entries.peek("k0") == nil)
        #expect(entries.take("k9999") == 9999)
        #expect(entries.take("k9999") == nil)
    }
}
