//! `spanmark --version`: the version from Cargo.toml and the commit the build was told
//! (`SPANMARK_COMMIT`, set by the packaging scripts; "unknown" in a plain build).

use super::spanmark;

#[test]
fn version_names_the_version_and_the_commit() {
    let out = spanmark().arg("--version").output().unwrap();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let expected = format!("spanmark {} (commit ", env!("CARGO_PKG_VERSION"));
    assert!(line.starts_with(&expected), "{line}");
    let commit = line.trim_end().strip_prefix(&expected).unwrap();
    let commit = commit.strip_suffix(')').unwrap();
    match option_env!("SPANMARK_COMMIT") {
        Some(set) if !set.trim().is_empty() => assert_eq!(commit, set),
        _ => assert_eq!(commit, "unknown"),
    }
    assert_eq!(line.lines().count(), 1, "{line}");
}
