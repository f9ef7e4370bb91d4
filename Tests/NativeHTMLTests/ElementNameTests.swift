@testable import NativeHTML
import Testing

@Suite struct ElementNameTests {
    @Test func everyNameTheRulesMentionIsRecognised() {
        for element in ElementName.allCases where element != .other {
            #expect(ElementName(String(describing: element)) == element)
        }
        #expect(ElementName("span") == .other)
        #expect(ElementName("") == .other)
    }
}
