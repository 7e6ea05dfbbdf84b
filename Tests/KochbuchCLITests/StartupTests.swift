import Foundation
import Testing

/// What every `kochbuch` command loads when it starts: most of a search's time is start-up.
@Suite struct StartupTests {
    /// libcurl (and through it some thirty libraries: TLS, Kerberos, LDAP …) costs about 4 ms at
    /// every start. Only `check-links --external` needs it, and opens it then.
    @Test func theToolDoesNotLoadLibcurlOrFoundationNetworkingAtStart() throws {
        let libraries = try Self.libraries()
        #expect(libraries.contains { $0.hasPrefix("libxml2") }, "ldd lists the libraries the tool needs: \(libraries)")
        #expect(!libraries.contains { $0.contains("libcurl") }, "\(libraries)")
        #expect(!libraries.contains { $0.contains("FoundationNetworking") }, "\(libraries)")
    }

    /// The tool allocates through mimalloc (most of reading a book is small allocations on all cores).
    @Test func theToolIsLinkedWithMimalloc() throws {
        let libraries = try Self.libraries()
        let allocator = try #require(libraries.firstIndex { $0.hasPrefix("libmimalloc") }, "\(libraries)")
        let libc = try #require(libraries.firstIndex { $0.hasPrefix("libc.so") }, "\(libraries)")
        #expect(allocator < libc, "mimalloc must come before libc to replace malloc: \(libraries)")
    }

    /// The shared libraries the built binary loads, in order, as `ldd` lists them.
    static func libraries() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [CommandRunner.binary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        return output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
