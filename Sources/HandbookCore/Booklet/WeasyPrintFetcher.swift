//! WeasyPrint run so that it fetches only files inside the site being printed: a link elsewhere
//! (`../../secret.txt`, `file:///etc/passwd`, `https://…`) is not read, so no local file ends up in the PDF.

import FoundationEssentials
import Glibc

enum WeasyPrintFetcher {
    /// WeasyPrint's own command line, with the default URL fetcher of `HTML` and `CSS` replaced
    /// by one that refuses everything but `data:` URLs and files below `HANDBOOK_PDF_ROOT`.
    static let script = """
        import os, sys, urllib.parse
        import weasyprint
        from weasyprint import urls
        from weasyprint.__main__ import main
        root = os.path.realpath(os.environ['HANDBOOK_PDF_ROOT'])
        original = urls.default_url_fetcher
        def fetch(url, *args, **kwargs):
            scheme = url.split(':', 1)[0].lower()
            if scheme == 'data':
                return original(url, *args, **kwargs)
            if scheme == 'file':
                path = os.path.realpath(urllib.parse.unquote(urllib.parse.urlsplit(url).path))
                if path == root or path.startswith(root + os.sep):
                    return original(url, *args, **kwargs)
            raise ValueError('not read: it is outside the site being printed: ' + url)
        for kind in (weasyprint.HTML, weasyprint.CSS):
            kind.__init__.__defaults__ = tuple(fetch if value is original else value for value in kind.__init__.__defaults__)
        sys.argv[0] = 'weasyprint'
        main()
        """

    /// The program and first arguments that run WeasyPrint with the restricted fetcher, when
    /// `executable` is a Python script (Debian's is); nil otherwise, and it is run as it is.
    static func command(for executable: URL) -> (program: URL, arguments: [String])? {
        guard let (program, leading) = interpreter(of: executable) else { return nil }
        return (program, leading + ["-c", script])
    }

    private static func interpreter(of executable: URL) -> (URL, [String])? {
        let fd = open(executable.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 200)
        let count = read(fd, &bytes, bytes.count)
        let head = String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
        guard head.hasPrefix("#!"), let line = head.split(separator: "\n").first else { return nil }
        let parts = line.dropFirst(2).split(separator: " ").map(String.init)
        guard let program = parts.first else { return nil }
        if program.hasSuffix("/env"), parts.count > 1, parts[1].hasPrefix("python") {
            return (URL(fileURLWithPath: program), [parts[1]])
        }
        return (program.split(separator: "/").last ?? "").hasPrefix("python") ? (URL(fileURLWithPath: program), []) : nil
    }

    /// The folder a booklet's files may come from: the site holding it (the nearest folder up
    /// with Handbook's marker), or the booklet's own folder.
    static func root(of html: URL) -> URL {
        var folder = html.deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(SitePaths.marker).path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return html.deletingLastPathComponent()
    }
}
