//! The script the preview adds to every HTML page as it serves it, so `handbook build` never writes it.

import FoundationEssentials
import NIOCore

extension EmbeddedBrowserFiles {
    /// A file of Browser/, built into the program by the EmbedBuiltInFiles plugin.
    static func text(_ name: String) -> String {
        String(decoding: Data(base64Encoded: base64[name]!)!, as: UTF8.self)
    }
}

enum LiveReloadScript {
    static let eventsPath = "/__handbook/events"

    /// Browser/live-reload.js with its settings: `server` makes a restarted `serve` reload the pages an earlier run served.
    static func tag(server: String, generation: Int, page: String) -> String {
        let events = "\(eventsPath)?server=\(server)&generation=\(generation)"
        return "<script data-handbook-preview>\nvar handbookPreview = { events: \"\(events)\", generation: \(generation), "
            + "page: \(jsonString(page)) };\n\(script)</script>\n"
    }

    private static let script = EmbeddedBrowserFiles.text("live-reload.js")

    /// Inserts `snippet` before the last `</body` (any case), or at the end when there is none.
    static func inject(_ snippet: String, into page: ByteBuffer) -> ByteBuffer {
        let bytes = page.readableBytesView
        let needle = Array("</body".utf8)
        let lowercased = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
        let at = stride(from: bytes.endIndex - needle.count, through: bytes.startIndex, by: -1).first { start in
            needle.indices.allSatisfy { lowercased(bytes[start + $0]) == needle[$0] }
        } ?? bytes.endIndex
        var output = ByteBuffer()
        output.reserveCapacity(bytes.count + snippet.utf8.count)
        output.writeBytes(bytes[..<at])
        output.writeString(snippet)
        output.writeBytes(bytes[at...])
        return output
    }

    /// A JavaScript string literal that is also safe inside an HTML `<script>` element.
    static func jsonString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "<", ">", "&", "\u{2028}", "\u{2029}": literal += unicodeEscape(scalar)
            default:
                if scalar.value < 0x20 { literal += unicodeEscape(scalar) } else { literal.unicodeScalars.append(scalar) }
            }
        }
        return literal + "\""
    }

    /// `\u003c`: four lowercase hex digits, as JSON writes a character by its number.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
