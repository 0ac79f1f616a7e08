//! Help → About: the version and the commit this binary was built from (the same line
//! `spanmark --version` prints), the licence, and the folders where the window keeps
//! its preferences and the recovery files of unsaved work.
//!
//! The commit comes from `SPANMARK_COMMIT` at build time, which the packaging scripts
//! (`.ci/package-deb`, `.ci/package-tar`) and the CI workflows set; a plain
//! `cargo build` says "commit unknown".

use super::help::help_window;
use egui::{Rect, RichText, pos2};
use std::path::Path;
use std::sync::LazyLock;

/// The version of this build, from `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit this binary was built from, if the build was told (`SPANMARK_COMMIT`).
pub const COMMIT: Option<&str> = option_env!("SPANMARK_COMMIT");

/// The licence, as `Cargo.toml` declares it.
pub const LICENSE: Option<&str> = option_env!("CARGO_PKG_LICENSE");

/// Where the project lives, as `Cargo.toml` says.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// `0.1.0 (commit 1a2b3c4)`: what `spanmark --version` prints after the name.
pub fn version_line() -> &'static str {
    static LINE: LazyLock<String> =
        LazyLock::new(|| format!("{VERSION} (commit {})", commit().unwrap_or("unknown")));
    &LINE
}

/// Whether the About window is open.
#[derive(Default)]
pub struct AboutWindow {
    pub open: bool,
}

impl AboutWindow {
    /// Shows the window (when open) below `menu_bottom`; `data_dir`: the window's data
    /// folder (preferences), `recovery`: where recovery files go.
    pub fn window_ui(
        &mut self,
        ctx: &egui::Context,
        menu_bottom: f32,
        data_dir: Option<&Path>,
        recovery: &Path,
    ) {
        if !self.open {
            return;
        }
        let screen = ctx.content_rect();
        let area = Rect::from_min_max(pos2(screen.left(), menu_bottom), screen.max);
        let window = help_window("About spanmark", &mut self.open, area, 440.0)
            .default_height(260.0_f32.min(area.height()));
        window.show(ctx, |ui| about_ui(ui, data_dir, recovery));
    }
}

/// The commit, when the build was told one.
fn commit() -> Option<&'static str> {
    COMMIT.filter(|c| !c.trim().is_empty())
}

fn about_ui(ui: &mut egui::Ui, data_dir: Option<&Path>, recovery: &Path) {
    ui.heading(format!("spanmark {VERSION}"));
    ui.label("Annotate news articles with quote, claim and figure spans, exact to the code point.");
    ui.add_space(6.0);
    let row = |ui: &mut egui::Ui, what: &str, value: &str| {
        ui.label(RichText::new(what).strong());
        ui.add(egui::Label::new(value).wrap());
        ui.end_row();
    };
    egui::Grid::new("about")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            row(ui, "Version", VERSION);
            let commit = commit().unwrap_or("unknown (built without SPANMARK_COMMIT)");
            row(ui, "Commit", commit);
            let licence = LICENSE.filter(|l| !l.is_empty());
            row(ui, "Licence", licence.unwrap_or("not declared yet"));
            if !REPOSITORY.is_empty() {
                ui.label(RichText::new("Project").strong());
                ui.hyperlink(REPOSITORY);
                ui.end_row();
            }
            let data = data_dir.map_or_else(
                || "none (preferences are not kept)".to_owned(),
                |d| d.display().to_string(),
            );
            row(ui, "Data folder", &data);
            row(ui, "Recovery files", &recovery.display().to_string());
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_line_names_the_version_and_a_commit() {
        let line = version_line();
        assert!(line.starts_with(VERSION), "{line}");
        assert!(line.contains("(commit "), "{line}");
    }
}
