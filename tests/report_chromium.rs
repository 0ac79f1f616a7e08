//! The HTML report in a real browser: `spanmark report` on the sample project (with a
//! claim given a verdict and a claimant that tries to inject a script) is opened by
//! headless Chromium from a `file://` address; its DOM must hold every claim, both
//! charts and the injected text as text, and its screenshot must be a page, not a
//! blank. Without Chromium (`chromium`, `chromium-browser`, `google-chrome`, or the
//! program named by `SPANMARK_CHROMIUM`) the test says so and skips; on CI
//! (`CI=true`) with `SPANMARK_CHROMIUM` set, a Chromium that does not work fails it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::model::claims::{CLAIMANT, STATUS, VERDICT, claims};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const WINDOW_WIDTH_PX: u32 = 1000;
const WINDOW_HEIGHT_PX: u32 = 1400;
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);
const INJECTED: &str = "<script>document.body.dataset.pwned=1</script>";

/// Runs `command`, killing it after [`BROWSER_TIMEOUT`].
fn run(command: &mut Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read stdout on a thread so a large DOM never fills the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut bytes).map(|_| bytes)
    });
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            panic!("the browser did not finish in {BROWSER_TIMEOUT:?}: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut output = child.wait_with_output().unwrap();
    output.stdout = reader.join().unwrap().unwrap();
    output
}

/// The browser to use, or why there is none. A browser named by `SPANMARK_CHROMIUM`
/// on CI must work.
fn browser() -> Result<PathBuf, String> {
    let named = std::env::var_os("SPANMARK_CHROMIUM").filter(|v| !v.is_empty());
    let must_work = named.is_some() && std::env::var("CI").is_ok_and(|v| v == "true");
    let candidate = match &named {
        Some(program) => Some(PathBuf::from(program)),
        None => [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ]
        .iter()
        .find_map(|name| {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        }),
    };
    let Some(program) = candidate else {
        return Err("no chromium, chromium-browser or google-chrome on PATH".to_owned());
    };
    let works = Command::new(&program)
        .arg("--version")
        .output()
        .map(|o| o.status.success());
    match works {
        Ok(true) => Ok(program),
        _ if must_work => panic!(
            "SPANMARK_CHROMIUM={} does not run (`--version` failed) and CI=true",
            program.display()
        ),
        _ => Err(format!("{} --version failed", program.display())),
    }
}

fn chromium(program: &Path, profile: &Path, args: &[&str], url: &str) -> Output {
    let mut command = Command::new(program);
    command
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!(
            "--window-size={WINDOW_WIDTH_PX},{WINDOW_HEIGHT_PX}"
        ))
        .args(args)
        .arg(url);
    let output = run(&mut command);
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Text as the DOM serialiser writes it between tags.
fn as_dom_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

#[test]
fn the_report_opens_in_chromium_with_every_claim_and_both_charts() {
    let program = match browser() {
        Ok(program) => program,
        Err(why) => {
            println!(
                "skipped: the HTML report's browser test needs Chromium ({why}); set SPANMARK_CHROMIUM"
            );
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/demo.ron");
    let mut project = spanmark::store::load(&sample).unwrap();
    let (doc, span) = {
        let first = &claims(&project)[0];
        (first.document.id, first.span.id)
    };
    for (key, value) in [
        (VERDICT, "false"),
        (STATUS, "checked"),
        (CLAIMANT, INJECTED),
    ] {
        Edit::SetAttribute {
            doc,
            span,
            key: key.to_owned(),
            value: Some(value.to_owned()),
        }
        .apply(&mut project)
        .unwrap();
    }
    let ron = dir.path().join("sample.ron");
    spanmark::store::save_new(&project, &ron).unwrap();
    let page = dir.path().join("report.html");
    let made = Command::new(env!("CARGO_BIN_EXE_spanmark"))
        .arg("report")
        .arg(&ron)
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let url = format!("file://{}", page.display());
    let profile = dir.path().join("profile");

    let dom = chromium(&program, &profile, &["--dump-dom"], &url);
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert!(dom.contains("<html lang=\"en\">"), "{dom}");
    let all = claims(&project);
    assert!(all.len() > 5, "the sample project has claims");
    for claim in &all {
        assert!(
            dom.contains(&as_dom_text(claim.text)),
            "claim {:?} is not on the page",
            claim.text
        );
    }
    assert_eq!(dom.matches("<svg class=\"chart\"").count(), 2, "{dom}");
    assert!(dom.contains("<title id=\"chart-verdicts-title\">Claims by verdict</title>"));
    assert!(dom.contains("<title id=\"chart-labels-title\">Spans per label</title>"));
    let false_claims = all.iter().filter(|c| c.verdict() == "false").count();
    let unit = if false_claims == 1 { "claim" } else { "claims" };
    assert!(dom.contains(&format!("<title>false: {false_claims} {unit}</title>")));
    // The claimant is shown as text; its script never ran.
    assert!(!dom.contains("data-pwned=\"1\""), "the injected script ran");
    assert!(dom.contains(&as_dom_text(INJECTED)), "{dom}");
    for doc in project.documents() {
        assert!(dom.contains(&format!("<h2>{}</h2>", as_dom_text(&doc.name))));
    }

    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-chromium.png");
    let _ = std::fs::remove_file(&shot);
    chromium(
        &program,
        &profile,
        &[&format!("--screenshot={}", shot.display())],
        &url,
    );
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((be(16), be(20)), (WINDOW_WIDTH_PX, WINDOW_HEIGHT_PX));
    // A blank or error page compresses to a few kilobytes; text and charts do not.
    assert!(
        png.len() > 40_000,
        "the screenshot is nearly blank: {} bytes",
        png.len()
    );
    println!("screenshot of the report: {}", shot.display());
}
