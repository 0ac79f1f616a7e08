//! Packaging: the files the Debian package and the portable archive ship agree with
//! each other and with what spanmark writes, and the portable archive installs into a
//! home folder and uninstalls from it, leaving nothing of spanmark's behind. (The .deb
//! itself is built, installed and removed by `.ci/package-deb --install-check`, which
//! `.ci/run` calls: it needs a release build and root.)

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use std::path::{Path, PathBuf};
use std::process::Command;

const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];
const MIME_TYPE: &str = "application/x-spanmark-project";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `Key=value` lines of a desktop entry.
fn desktop_value<'a>(entry: &'a str, key: &str) -> Option<&'a str> {
    entry
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is a PNG",
        path.display()
    );
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn the_desktop_entry_names_the_project_type_and_the_icon_in_every_size() {
    let entry = read("assets/linux/spanmark.desktop");
    assert_eq!(desktop_value(&entry, "Exec"), Some("spanmark %F"));
    assert_eq!(desktop_value(&entry, "Icon"), Some("spanmark"));
    assert_eq!(
        desktop_value(&entry, "MimeType"),
        Some(&*format!("{MIME_TYPE};"))
    );
    assert!(desktop_value(&entry, "Categories").is_some());
    assert!(desktop_value(&entry, "Comment").is_some());
    let mime = read("assets/linux/spanmark-mime.xml");
    assert!(mime.contains(&format!("<mime-type type=\"{MIME_TYPE}\">")));
    assert!(
        !mime.contains("<glob"),
        ".ron is generic: projects are known by content"
    );
    for size in ICON_SIZES {
        let png = repo().join(format!("assets/icons/spanmark-{size}.png"));
        assert_eq!(png_size(&png), (size, size));
        let bytes = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(u64::MAX);
        assert!(
            bytes < 20_000,
            "{} is {bytes} bytes: keep icons small",
            png.display()
        );
    }
    assert!(read("assets/icons/spanmark.svg").contains("<svg"));
}

/// Every file the .deb takes from the repository is there.
#[test]
fn every_asset_the_debian_package_lists_exists() {
    let manifest = read("Cargo.toml");
    let deb = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml has [package.metadata.deb]");
    let assets = deb
        .split("assets = [")
        .nth(1)
        .expect("the .deb lists assets");
    let assets = &assets[..assets.find("\n]").expect("the asset list ends")];
    let mut count = 0;
    for line in assets.lines().filter(|l| l.trim_start().starts_with("[\"")) {
        let source = line.trim_start().trim_start_matches("[\"");
        let source = &source[..source.find('"').expect("a quoted path")];
        count += 1;
        if source != "target/release/spanmark" {
            assert!(repo().join(source).is_file(), "{source} is missing");
        }
    }
    assert!(count >= 12, "{count} assets");
    assert!(deb.contains("license-file = \"assets/linux/copyright\""));
    assert!(repo().join("assets/linux/copyright").is_file());
}

/// The MIME magic finds the marker where spanmark writes it: in a new project's first
/// 256 bytes.
#[test]
fn a_new_project_carries_the_mime_magic_near_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let status = Command::new(env!("CARGO_BIN_EXE_spanmark"))
        .arg("new")
        .arg(&project)
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(&project).unwrap();
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]).into_owned();
    let mime = read("assets/linux/spanmark-mime.xml");
    let magic: Vec<String> = mime
        .split("value=\"")
        .skip(1)
        .map(|v| v[..v.find('"').unwrap()].replace("&quot;", "\""))
        .collect();
    assert!(!magic.is_empty());
    assert!(
        magic.iter().any(|m| head.contains(m.as_str())),
        "none of {magic:?} in {head:?}"
    );
}

#[test]
fn desktop_file_validate_accepts_the_entry_where_it_is_installed() {
    let Ok(out) = Command::new("desktop-file-validate")
        .arg(repo().join("assets/linux/spanmark.desktop"))
        .output()
    else {
        eprintln!(
            "desktop-file-validate is not installed (apt install desktop-file-utils): skipped"
        );
        return;
    };
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                todo.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn the_portable_archive_installs_into_home_and_uninstalls_without_a_trace() {
    let work = tempfile::tempdir().unwrap();
    let home = work.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let dist = work.path().join("dist");
    // The debug binary stands in for the release one.
    let out = Command::new("bash")
        .arg(repo().join(".ci/package-tar"))
        .arg(env!("CARGO_BIN_EXE_spanmark"))
        .arg(&dist)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let version = env!("CARGO_PKG_VERSION");
    let name = format!("spanmark-{version}-x86_64-linux");
    let archive = dist.join(format!("{name}.tar.gz"));
    assert!(
        archive.is_file(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let unpacked = work.path().join("unpacked");
    std::fs::create_dir(&unpacked).unwrap();
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&unpacked)
        .status()
        .unwrap();
    assert!(status.success());
    let root = unpacked.join(&name);
    let shipped = files_under(&root);
    for file in [
        "bin/spanmark",
        "install.sh",
        "uninstall.sh",
        "README.md",
        "COPYRIGHT",
        "share/applications/spanmark.desktop",
        "share/mime/packages/spanmark.xml",
        "share/icons/hicolor/scalable/apps/spanmark.svg",
        "share/icons/hicolor/48x48/apps/spanmark.png",
    ] {
        assert!(
            shipped.contains(&PathBuf::from(file)),
            "{file} not in {shipped:?}"
        );
    }

    let run = |script: &str| {
        let out = Command::new("sh")
            .arg(root.join(script))
            .env("HOME", &home)
            .env_remove("PREFIX")
            .env_remove("XDG_DATA_HOME")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{script}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let said = run("install.sh");
    assert!(said.contains("uninstall.sh"), "{said}");
    let local = home.join(".local");
    let installed = local.join("bin/spanmark");
    let out = Command::new(&installed).arg("--version").output().unwrap();
    let version_line = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        version_line.starts_with(&format!("spanmark {version} (commit ")),
        "{version_line}"
    );
    let entry = std::fs::read_to_string(local.join("share/applications/spanmark.desktop")).unwrap();
    assert_eq!(
        desktop_value(&entry, "Exec"),
        Some(&*format!("\"{}\" %F", installed.display())),
        "the menu entry runs the installed binary by its path"
    );
    for size in ICON_SIZES {
        let icon = local.join(format!(
            "share/icons/hicolor/{size}x{size}/apps/spanmark.png"
        ));
        assert_eq!(png_size(&icon), (size, size));
    }
    assert!(local.join("share/mime/packages/spanmark.xml").is_file());
    if local.join("share/mime/mime.cache").exists() {
        // update-mime-database ran: the type is in the user's database.
        assert!(local.join(format!("share/mime/{MIME_TYPE}.xml")).is_file());
    }
    // The uninstaller is kept where the user finds it after the archive is gone.
    let uninstall = local.join("share/spanmark/uninstall.sh");
    assert!(uninstall.is_file());

    let out = Command::new("sh")
        .arg(&uninstall)
        .env("HOME", &home)
        .env_remove("PREFIX")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left: Vec<PathBuf> = files_under(&home)
        .into_iter()
        .filter(|f| f.to_string_lossy().contains("spanmark"))
        .collect();
    assert!(left.is_empty(), "left after uninstall: {left:?}");
    assert!(!local.join("share/spanmark").exists());
    // Run a second time, it says there is nothing to remove.
    let again = Command::new("sh")
        .arg(root.join("uninstall.sh"))
        .env("HOME", &home)
        .env_remove("PREFIX")
        .output()
        .unwrap();
    assert!(!again.status.success());
}
