//! Runs one of the consumer scripts beside this file with the Python that has pyld
//! (`SPANMARK_PYTHON`, else `python3`): `script INPUT OUTPUT`. A script that cannot
//! import pyld prints `SKIP …`; then, or without that Python, the check says it skipped
//! and gives false. A script that fails is a failed test. Shared by the JSON-LD tests
//! through `#[path]`.

use std::path::Path;

/// `input` through `script` (a file of `tests/consumers/`) into `output`; false (said)
/// when pyld is not there.
pub(crate) fn run(script: &str, input: &Path, output: &Path) -> bool {
    let python = std::env::var("SPANMARK_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/consumers")
        .join(script);
    let Ok(out) = std::process::Command::new(&python)
        .arg(&script)
        .arg(input)
        .arg(output)
        .output()
    else {
        println!("skipped the pyld check: {python} is not installed here");
        return false;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "pyld refused the export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if stdout.starts_with("SKIP") {
        println!("skipped the pyld check: {stdout}");
        return false;
    }
    true
}
