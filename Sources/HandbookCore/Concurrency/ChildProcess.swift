//! A program run through posix_spawn: `Process` is not in FoundationEssentials, and swift-subprocess
//! is async-only, while both callers (git for the dates, WeasyPrint) run on the build's threads.

import CFileSystem
import FoundationEssentials
import Glibc

/// One running program; its standard streams are /dev/null but the one `capturing` names, read from `output`.
final class ChildProcess: Sendable {
    enum Capture { case standardOutput, standardError }

    let pid: pid_t
    /// The read end of the captured stream's pipe.
    let output: Int32

    /// Starts `executable` (a path) in this process's environment plus `environment`; throws the system's reason.
    init(executable: String, arguments: [String], environment: [String: String] = [:],
         capturing capture: Capture) throws(ChildProcessError) {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw ChildProcessError(code: errno) }
        // Neither end leaks into another program started meanwhile; the child's dup2 copy stays open.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let captured: Int32 = capture == .standardOutput ? 1 : 2
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 3 - captured, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], captured)
        // The program gets no other file this process has open: one still being written would
        // otherwise stay open, and unfinished to anyone watching it, until the program ends.
        _ = handbook_spawn_closes_inherited_files(&actions)

        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        // C strings for the C call, freed once the child has its own copies.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(pipeEnds[1])
        guard result == 0 else {
            close(pipeEnds[0])
            throw ChildProcessError(code: result)
        }
        self.pid = pid
        output = pipeEnds[0]
    }

    deinit { close(output) }

    /// Everything the captured stream gives, until the program closes it.
    func readToEnd() -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = readChunk() { bytes += chunk }
        return bytes
    }

    /// The next bytes the captured stream gives; nil at its end.
    func readChunk() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(output, &buffer, buffer.count)
            if count > 0 { return Array(buffer[..<count]) }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Waits for the program to end: its exit status, or 128 plus the signal that ended it.
    func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Whether the process whose id ends `name` (`.site.staging-1234`) still runs: its leftovers are not ours to remove.
    static func isRunning(namedIn name: String) -> Bool {
        guard let pid = name.split(separator: "-").last.flatMap({ pid_t($0) }) else { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }
}

/// Why a program could not be started, as the system says it.
struct ChildProcessError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { SystemErrorText.of(code: code) }
}
