//! The recipes in docs/publishing.md, run as they are written: the nginx block in a real nginx
//! serving a site under a sub-path, and the GitLab and GitHub CI steps on a sample handbook.

import Foundation
import Testing
import Yams

@Suite(.serialized) struct PublishingRecipeTests {
    static let document = CLITests.packageRoot.appendingPathComponent("docs/publishing.md")

    /// The fenced block that follows `<!-- name -->` in docs/publishing.md.
    static func recipe(_ name: String) throws -> String {
        let text = try String(contentsOf: document, encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- \(name) -->\n```"), "docs/publishing.md has no \(name)")
        let afterFence = try #require(text[marker.upperBound...].firstIndex(of: "\n"))
        let body = text[text.index(after: afterFence)...]
        let end = try #require(body.range(of: "\n```"))
        return String(body[..<end.lowerBound]) + "\n"
    }

    /// A new sample handbook (`handbook init`) in a fresh folder.
    static func sampleHandbook() throws -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("handbook-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let created = try CLITests.run(["init", "hb"], in: folder)
        try #require(created.status == 0, "\(created.stderr)")
        return folder.appendingPathComponent("hb")
    }

    static func shell(_ command: String, in folder: URL) throws -> CLITests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a CI step as written, with `bin/handbook` the program under test. Installing packages
    /// is left out: the test machine has them (README's test command).
    static func runStep(_ step: String, in folder: URL) throws {
        guard !step.hasPrefix("apt-get"), !step.hasPrefix("sudo apt-get") else { return }
        let command = step.replacingOccurrences(of: "bin/handbook", with: CLITests.executable.path)
        let result = try shell(command, in: folder)
        #expect(result.status == 0, "\(step): \(result.stderr)")
    }

    // MARK: - nginx

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(fd, raw, length) == 0, getsockname(fd, raw, &length) == 0 else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Status, Content-Type and body of a GET, with curl.
    static func get(_ url: String, in folder: URL) throws -> (status: Int, type: String, body: String) {
        let result = try shell("curl -s -o body.out -w '%{http_code} %{content_type}' '\(url)'", in: folder)
        let parts = result.stdout.split(separator: " ", maxSplits: 1).map(String.init)
        let body = (try? String(contentsOf: folder.appendingPathComponent("body.out"), encoding: .utf8)) ?? ""
        return (Int(parts.first ?? "") ?? 0, parts.count > 1 ? parts[1] : "", body)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx")))
    func nginxServesTheSiteUnderASubPathWithThe404Page() throws {
        let handbook = try Self.sampleHandbook()
        let work = handbook.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: work) }
        let built = try CLITests.run(["build", "--output", work.appendingPathComponent("www").path], in: handbook)
        try #require(built.status == 0, "\(built.stderr)")

        let location = try Self.recipe("nginx-recipe")
        #expect(location.contains("alias /var/www/handbook/;"))
        let port = try Self.freePort()
        let configuration = """
            worker_processes 1;
            pid \(work.path)/nginx.pid;
            error_log \(work.path)/error.log;
            events {}
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path \(work.path)/body;
                proxy_temp_path \(work.path)/proxy;
                fastcgi_temp_path \(work.path)/fastcgi;
                uwsgi_temp_path \(work.path)/uwsgi;
                scgi_temp_path \(work.path)/scgi;
                server {
                    listen 127.0.0.1:\(port);
            \(location.replacingOccurrences(of: "/var/www/handbook/", with: work.path + "/www/"))
                }
            }

            """
        try configuration.write(to: work.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        // nginx's workers read the site as nobody when the tests run as root.
        _ = try Self.shell("chmod -R a+rX '\(work.path)'", in: work)

        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        nginx.arguments = ["-p", work.path, "-c", work.appendingPathComponent("nginx.conf").path,
                           "-e", work.appendingPathComponent("error.log").path, "-g", "daemon off;"]
        nginx.standardOutput = FileHandle.nullDevice
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        defer {
            nginx.terminate()
            nginx.waitUntilExit()
        }
        let root = "http://127.0.0.1:\(port)/handbook/"
        var home = try Self.get(root, in: work)
        for _ in 0..<100 where home.status == 0 {
            usleep(50_000)
            home = try Self.get(root, in: work)
        }
        let log = (try? String(contentsOf: work.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
        #expect(home.status == 200, "nginx: \(log)")
        #expect(home.body.contains("Our Customer Handbook"))
        #expect(home.type.hasPrefix("text/html"))

        let tips = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("www/tips").path).sorted()
        let tip = try Self.get(root + "tips/" + tips[0], in: work)
        #expect(tip.status == 200)
        #expect(tip.body.contains("Answer the question that was asked"))

        let expected404 = try String(contentsOf: work.appendingPathComponent("www/404.html"), encoding: .utf8)
        for missing in ["no-such-page.html", "tips/deeper/still-missing.html"] {
            let notFound = try Self.get(root + missing, in: work)
            #expect(notFound.status == 404)
            #expect(notFound.body == expected404, "the handbook's own 404 page at \(missing)")
        }

        let index = try Self.get(root + "assets/search-index.js", in: work)
        #expect(index.status == 200)
        #expect(index.type.contains("javascript"))
        #expect(index.body.contains("HandbookSearchIndex"))
    }

    // MARK: - CI

    @Test func gitlabJobsCheckAndPublishSiteAndBooklet() throws {
        let handbook = try Self.sampleHandbook()
        defer { try? FileManager.default.removeItem(at: handbook.deletingLastPathComponent()) }
        let jobs = try #require(try Yams.load(yaml: Self.recipe("gitlab-recipe")) as? [String: Any])
        for name in ["check", "pages"] {
            let job = try #require(jobs[name] as? [String: Any], "job \(name)")
            for step in try #require(job["script"] as? [String]) { try Self.runStep(step, in: handbook) }
        }
        let report = try Data(contentsOf: handbook.appendingPathComponent("gl-code-quality-report.json"))
        #expect(try JSONSerialization.jsonObject(with: report) as? [Any] != nil)
        let check = try #require(jobs["check"] as? [String: Any])
        let reports = (check["artifacts"] as? [String: Any])?["reports"] as? [String: Any]
        #expect(reports?["codequality"] as? String == "gl-code-quality-report.json")
        #expect(FileManager.default.fileExists(atPath: handbook.appendingPathComponent("public/index.html").path))
        #expect(FileManager.default.fileExists(atPath: handbook.appendingPathComponent("public/booklet/booklet.pdf").path))
    }

    @Test func githubWorkflowChecksAndPublishesSiteAndBooklet() throws {
        let handbook = try Self.sampleHandbook()
        defer { try? FileManager.default.removeItem(at: handbook.deletingLastPathComponent()) }
        let workflow = try #require(try Yams.load(yaml: Self.recipe("github-recipe")) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        for name in ["check", "publish"] {
            let job = try #require(jobs[name] as? [String: Any], "job \(name)")
            for step in try #require(job["steps"] as? [[String: Any]]) {
                if let run = step["run"] as? String { try Self.runStep(run, in: handbook) }
            }
        }
        let publish = try #require(jobs["publish"] as? [String: Any])
        let upload = (publish["steps"] as? [[String: Any]])?.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact") == true }
        let path = try #require((upload?["with"] as? [String: Any])?["path"] as? String)
        #expect(FileManager.default.fileExists(atPath: handbook.appendingPathComponent(path + "/index.html").path))
        #expect(FileManager.default.fileExists(atPath: handbook.appendingPathComponent(path + "/booklet/booklet.pdf").path))
    }

    /// The check step prints a broken tip as a GitHub annotation and fails the job.
    @Test func githubCheckStepAnnotatesAProblem() throws {
        let handbook = try Self.sampleHandbook()
        defer { try? FileManager.default.removeItem(at: handbook.deletingLastPathComponent()) }
        let tip = handbook.appendingPathComponent("content/tips/001-answer-the-question-that-was-asked.md")
        let text = try String(contentsOf: tip, encoding: .utf8)
        try text.replacingOccurrences(of: "themes: [empathy]", with: "themes: [empaty]").write(to: tip, atomically: true, encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: Self.recipe("github-recipe")) as? [String: Any])
        let check = ((workflow["jobs"] as? [String: Any])?["check"] as? [String: Any])?["steps"] as? [[String: Any]]
        let step = try #require(check?.compactMap { $0["run"] as? String }.first)
        let result = try Self.shell(step.replacingOccurrences(of: "bin/handbook", with: CLITests.executable.path), in: handbook)
        #expect(result.status != 0)
        #expect(result.stdout.hasPrefix("::error file=content/tips/001-answer-the-question-that-was-asked.md,line=5,col=10::unknown theme 'empaty'"))
    }
}
