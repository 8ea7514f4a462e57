import Vapor

extension Request {
    func pageContext(title: String, notice: String? = nil) -> PageContext {
        PageContext(
            title: title, user: signedIn?.pageUser, csrfToken: csrfToken, path: url.path,
            notice: notice ?? FlashNotice.message(in: self))
    }
}
