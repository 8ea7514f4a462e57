import Foundation

/// The text of the account mails. Mails to an account carry its one-click unsubscribe link; a mail to an address
/// that has no account yet (a registration's code) has none to carry.
enum AccountMails {
    struct Mail {
        var subject: String
        var body: String
        var unsubscribeURL: String?
    }

    private static let signature = "--\nRampart, the Alliance's defence-production coordination system"

    /// The code of one pending registration: it says which registration it confirms, since several may wait.
    static func registrationCode(_ code: String, name: String, registeredAt: Date) -> Mail {
        Mail(
            subject: "Your Rampart verification code",
            body: """
                Hello \(name),

                Welcome to Rampart. Enter this code to verify your e-mail address:

                    \(code)

                It confirms the registration made under the name "\(name)" at \(Timestamps.text(registeredAt)), and
                the password chosen then. The code expires in 30 minutes and works once. If you did not register then,
                ignore this mail: without the code nobody can use your address.

                \(signature)
                """, unsubscribeURL: nil)
    }

    /// Someone registered an address that already has an account: its owner learns of it, nothing changes.
    static func alreadyRegistered(_ user: UserRecord, publicURL: String) -> Mail {
        let unsubscribe = unsubscribeURL(user, publicURL: publicURL)
        return Mail(
            subject: "Someone tried to register your address on Rampart",
            body: """
                Hello \(user.displayName),

                Someone asked to create a Rampart account with this address, which already has one. Nothing has changed.
                To sign in: \(publicURL)\(SiteRoute.signIn.path)
                Forgot your password? Reset it: \(publicURL)\(SiteRoute.reset.path)

                \(signature)
                Unsubscribe from Rampart news in one click: \(unsubscribe)
                """, unsubscribeURL: unsubscribe)
    }

    static func resetCode(_ code: String, to user: UserRecord, publicURL: String) -> Mail {
        let unsubscribe = unsubscribeURL(user, publicURL: publicURL)
        return Mail(
            subject: "Your Rampart password reset code",
            body: """
                Hello \(user.displayName),

                Someone (we hope you) asked to reset your Rampart password. Enter this code:

                    \(code)

                The code expires in 30 minutes and works once. If you did not ask for it, ignore this mail.

                \(signature)
                Unsubscribe from Rampart news in one click: \(unsubscribe)
                """, unsubscribeURL: unsubscribe)
    }

    /// The account passed the daily limit of failed sign-ins and is locked until its owner follows the link.
    static func locked(_ user: UserRecord, unlockToken: String, publicURL: String) -> Mail {
        let unsubscribe = unsubscribeURL(user, publicURL: publicURL)
        return Mail(
            subject: "Your Rampart account is locked",
            body: """
                Hello \(user.displayName),

                Your Rampart account had \(SignInGuard.dailyFailures) failed sign-ins in a day, so we have locked it: nobody can
                sign in to it, with or without the right password, until you unlock it. Open this link to unlock it:

                    \(publicURL)\(SiteRoute.unlock(token: unlockToken).path)

                The link works once, for 24 hours. If the failed sign-ins were not yours, someone may be guessing your
                password: after unlocking, choose a new one (\(publicURL)\(SiteRoute.reset.path)), which also unlocks the account.

                \(signature)
                Unsubscribe from Rampart news in one click: \(unsubscribe)
                """, unsubscribeURL: unsubscribe)
    }

    /// The password was changed while signed in: its owner learns of it, in case it was not them.
    static func passwordChanged(_ user: UserRecord, at time: Date, publicURL: String) -> Mail {
        let unsubscribe = unsubscribeURL(user, publicURL: publicURL)
        return Mail(
            subject: "Your Rampart password was changed",
            body: """
                Hello \(user.displayName),

                The password of your Rampart account was changed at \(Timestamps.text(time)), by someone signed in to it.
                Other browsers signed in to the account were signed out; its API tokens still work.

                If this was not you, reset your password now (\(publicURL)\(SiteRoute.reset.path)): a reset also ends
                every session and API token of the account.

                \(signature)
                Unsubscribe from Rampart news in one click: \(unsubscribe)
                """, unsubscribeURL: unsubscribe)
    }

    private static func unsubscribeURL(_ user: UserRecord, publicURL: String) -> String {
        publicURL + SiteRoute.unsubscribe(token: user.unsubscribeToken).path
    }
}
