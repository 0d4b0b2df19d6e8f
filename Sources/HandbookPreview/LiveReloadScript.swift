//! The script the preview adds to every HTML page as it serves it, so `handbook build` never writes it.

import FoundationEssentials
import NIOCore

enum LiveReloadScript {
    static let eventsPath = "/__handbook/events"

    /// Reloads the page (keeping its scroll position) when it, a script or image it uses, or the
    /// overlay changed; swaps a changed stylesheet in place. `server` makes a restarted `serve`
    /// reload the pages an earlier run served.
    static func tag(server: String, generation: Int, page: String) -> String {
        let query = "server=\(server)&generation=\(generation)"
        return """
        <script data-handbook-preview>
        (function () {
          var state = { generation: \(generation), page: \(jsonString(page)) };
          var key = "handbook-preview-scroll:" + location.pathname;
          var saved = null;
          try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
          if (saved !== null) addEventListener("load", function () { scrollTo(0, +saved); });
          function reload() {
            try { sessionStorage.setItem(key, String(scrollY)); } catch (e) {}
            location.reload();
          }
          function sitePath(url) {
            var parsed = new URL(url, location.href);
            return parsed.origin === location.origin ? decodeURIComponent(parsed.pathname.slice(1)) : null;
          }
          function uses(selector, attribute, changed) {
            return Array.prototype.filter.call(document.querySelectorAll(selector), function (element) {
              var value = element.getAttribute(attribute);
              return value && changed.indexOf(sitePath(value)) >= 0;
            });
          }
          var source = new EventSource("\(eventsPath)?\(query)");
          source.addEventListener("change", function (event) {
            var change = JSON.parse(event.data);
            if (change.generation <= state.generation) return;
            state.generation = change.generation;
            var changed = change.paths;
            if (change.all || change.overlay || changed.indexOf(state.page) >= 0
                || uses("script[src], img[src], source[src], video[src], audio[src]", "src", changed).length
                || uses("link[rel~=icon], link[rel=preload], link[rel=manifest]", "href", changed).length) {
              return reload();
            }
            uses('link[rel~="stylesheet"]', "href", changed).forEach(function (link) {
              var url = new URL(link.href);
              url.searchParams.set("preview", String(change.generation));
              link.href = url.href;
            });
          });
        })();
        </script>
        """
    }

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
