/// Text made safe inside HTML or XML text and attribute values (`&`, `<`, `>`, `"`, `'` as entities):
/// the managed login pages and STS's XML answers.
public enum MarkupText {
    /// `text` with the five markup characters written as entities.
    public static func escaped(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
