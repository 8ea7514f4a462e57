import Plot

/// The fields of the account forms, with what each form calls them: a problem "password: needs …" from the account
/// service is shown as "New password: needs …" beside the reset form's password field.
enum AccountFormFields {
    static let email = FormErrors.Field(name: "email", label: "E-mail address")
    static let code = FormErrors.Field(name: "code", label: "Code")
    static let displayName = FormErrors.Field(name: "display_name", apiName: "displayName", label: "Your name")

    static let signIn: [FormErrors.Field] = [email, .init(name: "password", label: "Password")]
    static let register: [FormErrors.Field] = [email, displayName, .init(name: "password", label: "Password")]
    static let verify: [FormErrors.Field] = [email, code]
    static let resetRequest: [FormErrors.Field] = [email]
    static let resetConfirm: [FormErrors.Field] = [email, code, .init(name: "password", label: "New password")]
    static let accountName: [FormErrors.Field] = [.init(name: "display_name", apiName: "displayName", label: "Name")]
    static let accountPassword: [FormErrors.Field] = [
        .init(name: "current_password", apiName: "currentPassword", label: "Current password"),
        .init(name: "new_password", apiName: "newPassword", label: "New password"),
    ]
}
