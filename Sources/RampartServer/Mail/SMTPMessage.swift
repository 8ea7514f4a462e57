import Foundation

/// A mail rendered for SMTP: envelope addresses and the DATA payload (RFC 5322 headers, quoted-printable
/// UTF-8 body, CRLF line endings, dot-stuffed, ending with the lone-dot line).
/// Building one validates every header value, so a bad mail fails before any connection is made.
struct SMTPMessage: Equatable {
    let envelopeFrom: String
    let envelopeTo: String
    let data: String

    init(mail: OutgoingMail, from: String, date: Date, messageID: String = UUID().uuidString.lowercased()) throws {
        let sender = try MailAddress.parse(from, field: "From")
        let recipient = try MailAddress.parse(mail.to, field: "To")
        guard recipient.displayName == nil else {
            throw SMTPError.invalidAddress(field: "To", value: mail.to)
        }
        try MailHeader.requireSingleLine(mail.subject, field: "Subject")

        var headers = [
            "From: \(sender.headerValue)",
            "To: \(recipient.address)",
            "Subject: \(MailHeader.encodedText(mail.subject))",
            "Date: \(MailHeader.date(date))",
            "Message-ID: <\(messageID)@\(sender.domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        if let url = mail.unsubscribeURL {
            try MailHeader.requireURL(url, field: "List-Unsubscribe")
            headers.append("List-Unsubscribe: <\(url)>")
            headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        let body = QuotedPrintable.encode(mail.textBody)
        let message = headers.joined(separator: "\r\n") + "\r\n\r\n" + body

        envelopeFrom = sender.address
        envelopeTo = recipient.address
        data = Self.dotStuffed(message) + ".\r\n"
    }

    /// `message` has CRLF line endings and ends with CRLF; every line starting with "." gets one more.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.components(separatedBy: "\r\n")
        for index in lines.indices where lines[index].hasPrefix(".") {
            lines[index] = "." + lines[index]
        }
        return lines.joined(separator: "\r\n")
    }
}

/// `local@domain`, optionally as `Display Name <local@domain>`. Plain ASCII addresses only (no SMTPUTF8).
struct MailAddress: Equatable {
    let displayName: String?
    let address: String

    var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    var headerValue: String {
        guard let displayName else { return address }
        return "\(MailHeader.phrase(displayName)) <\(address)>"
    }

    static func parse(_ text: String, field: String) throws -> MailAddress {
        try MailHeader.requireSingleLine(text, field: field)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var displayName: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            displayName = name.isEmpty ? nil : name
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        }
        guard isPlainAddress(address) else { throw SMTPError.invalidAddress(field: field, value: text) }
        return MailAddress(displayName: displayName, address: address)
    }

    private static let forbidden = Set("<>()[]\\,;:\" ")

    private static func isPlainAddress(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        return !local.isEmpty && !domain.isEmpty && !domain.contains("@")
            && address.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 }
            && !address.contains(where: forbidden.contains)
    }
}

enum MailHeader {
    /// Header injection guard: a value must not carry CR, LF or other control characters.
    static func requireSingleLine(_ value: String, field: String) throws {
        let bad = value.unicodeScalars.contains { scalar in
            (scalar.value < 32 && scalar != "\t") || scalar.value == 127 || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        if bad { throw SMTPError.invalidHeader(field: field) }
    }

    static func requireURL(_ value: String, field: String) throws {
        let ok =
            !value.isEmpty && value.utf8.count <= 900
            && value.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" }
        if !ok { throw SMTPError.invalidHeader(field: field) }
    }

    /// Unstructured text (Subject): as is when short plain ASCII, else RFC 2047 encoded words, folded.
    static func encodedText(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII }), text.utf8.count <= 900, !text.contains("=?") {
            return text
        }
        return encodedWords(text).joined(separator: "\r\n ")
    }

    /// A display name: as is when plain words, a quoted string when other ASCII, encoded words otherwise.
    static func phrase(_ text: String) -> String {
        let plainWord = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " !#$%&'*+-/=?^_`{|}~"))
        if text.unicodeScalars.allSatisfy({ $0.isASCII && plainWord.contains($0) }) {
            return text
        }
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return encodedWords(text).joined(separator: " ")
    }

    /// `=?utf-8?B?...?=` words of at most 39 UTF-8 bytes each (64 characters encoded, so a folded line stays
    /// under 76 even after "Subject: "), never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > 39 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// RFC 5322 date in UTC, e.g. `Tue, 03 Mar 2026 09:05:00 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// RFC 2045 quoted-printable for a text body: lines end with CRLF, encoded lines are at most 76 characters.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalized.split(separator: "\n", omittingEmptySubsequences: false)
            .map(encodeLine)
            .joined(separator: "\r\n") + "\r\n"
    }

    private static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var output: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let token = token(for: byte, atLineEnd: isLast)
            // 75 leaves room for the "=" of a soft line break.
            if current.utf8.count + token.utf8.count > 75 {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }

    private static func token(for byte: UInt8, atLineEnd: Bool) -> String {
        let isWhitespace = byte == 0x20 || byte == 0x09
        if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (isWhitespace && !atLineEnd) {
            return String(UnicodeScalar(byte))
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "=" + (hex.count == 1 ? "0" + hex : hex)
    }
}
