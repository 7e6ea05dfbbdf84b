import Foundation
import MCP

/// A tool call's arguments, checked against what the tool takes: a missing, unknown or
/// wrong-typed argument, or one longer than an assistant could mean, is an `invalidParams` error
/// that says which and what is expected.
struct ToolArguments {
    let tool: String
    let values: [String: Value]

    /// The longest text an argument may hold.
    static let maximumLength = 1_000

    init(tool: String, _ values: [String: Value]?, allowed: Set<String>) throws {
        self.tool = tool
        self.values = values ?? [:]
        if let unknown = self.values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw MCPError.invalidParams("\(tool): unknown argument '\(unknown)'; it takes " + (allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", ")))
        }
    }

    func string(_ name: String) throws -> String? {
        guard let value = values[name], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw MCPError.invalidParams("\(tool): '\(name)' must be a string")
        }
        guard text.count <= Self.maximumLength else {
            throw MCPError.invalidParams("\(tool): '\(name)' is \(text.count) characters long; at most \(Self.maximumLength) are accepted")
        }
        return text
    }

    func requiredString(_ name: String) throws -> String {
        guard let text = try string(name), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MCPError.invalidParams("\(tool): the argument '\(name)' is missing")
        }
        return text
    }

    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value = values[name], value != .null else { return fallback }
        let number: Int
        if let integer = value.intValue {
            number = integer
        } else if let double = value.doubleValue, double == double.rounded(), abs(double) < 1e9 {
            number = Int(double)
        } else {
            throw MCPError.invalidParams("\(tool): '\(name)' must be a whole number")
        }
        guard range.contains(number) else {
            throw MCPError.invalidParams("\(tool): '\(name)' must lie between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }
}
