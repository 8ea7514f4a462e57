/// The text of the account mails. Every mail carries the one-click unsubscribe link.
enum AccountMails {
    struct Mail {
        var subject: String
        var body: String
        var unsubscribeURL: String
    }

    static func code(_ purpose: CodePurpose, code: String, to user: UserRecord, publicURL: String) -> Mail {
        let unsubscribe = "\(publicURL)/unsubscribe/\(user.unsubscribeToken)"
        let (subject, intro) = switch purpose {
        case .verify: ("Your Rampart verification code", "Welcome to Rampart. Enter this code to verify your e-mail address:")
        case .reset: ("Your Rampart password reset code", "Someone (we hope you) asked to reset your Rampart password. Enter this code:")
        }
        let body = """
            Hello \(user.displayName),

            \(intro)

                \(code)

            The code expires in 30 minutes and works once. If you did not ask for it, ignore this mail.

            --
            Rampart, the Alliance's defence-production coordination system
            Unsubscribe from Rampart news in one click: \(unsubscribe)
            """
        return Mail(subject: subject, body: body, unsubscribeURL: unsubscribe)
    }
}
