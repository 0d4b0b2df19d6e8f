//! Where the search and "My five" pages live.

extension SitePaths {
    public static let search = "search.html"
    public static let myFive = "my-five.html"
    /// The per-step tip lists on the flywheel theme page, which the wheel links to.
    static func flywheelStepAnchor(_ step: Int) -> String { "flywheel-step-\(step)" }
}
