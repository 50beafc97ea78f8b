/// archcalc's version: the release number and the git commit it was built from.
///
/// The commit comes from `BuildCommit.swift`, which the VersionStamp build plugin writes before each build
/// (`nil` outside a git checkout, so every checkout builds).
enum ArchcalcVersion {
    /// The release number (semantic versioning), as tagged (`v0.1.0`) and recorded in CHANGELOG.md.
    static let number = "0.1.0"

    /// `0.1.0 (commit 0123456789ab)`, or `0.1.0 (commit unknown)` for a build outside a git checkout.
    static let description = "\(number) (commit \(buildCommit ?? "unknown"))"
}
