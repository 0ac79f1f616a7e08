//! The questions the window asks before it does something that could lose work, and
//! the path field offered where no native file dialog exists. A modal shows its
//! question and returns the user's answer; the app acts on it.

use super::dialogs::Purpose;
use crate::model::Project;
use crate::session::Command;
use crate::store::recovery::FoundRecovery;
use egui::{Key, TextEdit, Ui};
use std::path::PathBuf;

pub enum Modal {
    /// Unsaved work would be lost by `then`.
    Unsaved { project: String, then: Command },
    /// No native dialog: type a path. `text` holds what is typed.
    PathField { purpose: Purpose, text: String },
    /// Work kept from a session that did not end cleanly, read and described.
    Recovery(Box<RecoveryOffer>),
    /// The project file changed on disk since it was opened or saved.
    ChangedOnDisk { path: PathBuf },
    /// The project file is gone (deleted or moved) since it was opened or saved.
    Gone { path: PathBuf },
    /// The project may not be saved to its file; `why` says why.
    ReadOnly { path: PathBuf, why: String },
}

/// Recovered work, as the recovery prompt offers it.
pub struct RecoveryOffer {
    pub found: FoundRecovery,
    pub project: Project,
    /// "5 minutes ago".
    pub when: String,
    /// What the work changes: "2 spans added, … in "a.txt"".
    pub holds: String,
}

pub enum Answer {
    Save,
    Discard,
    Cancel,
    Paths(Vec<PathBuf>),
    Restore,
    Later,
    Overwrite,
    Reload,
    SaveAs,
    SaveHere,
}

/// The room kept between a dialog and the window's top and bottom edges (its frame
/// and a gap).
const MODAL_MARGIN: f32 = 24.0;

/// A button's text and the answer it gives.
type Choice<'a> = (&'a str, fn() -> Answer);

/// A row of buttons; the answer of the one clicked.
fn buttons(ui: &mut Ui, choices: &[Choice<'_>]) -> Option<Answer> {
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        for (text, make) in choices {
            if ui.button(*text).clicked() {
                answer = Some(make());
            }
        }
    });
    answer
}

/// Below this height (in points) the whole dialog scrolls.
const TINY_HEIGHT: f32 = 360.0;

impl Modal {
    /// Shows the modal; `Some(answer)` once the user has chosen.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Answer> {
        // Fits a small screen at a large zoom: never wider than the window; a text
        // taller than it scrolls while the buttons stay in view below it, and where
        // even that is too tall (a tiny window), the whole dialog scrolls.
        let screen = ui.ctx().content_rect();
        let width = (screen.width() - 48.0).clamp(160.0, 460.0);
        let text_height = (screen.height() - 120.0).max(60.0);
        let whole_height = (screen.height() - 2.0 * MODAL_MARGIN).max(60.0);
        let mut answer = None;
        // The whole dialog scrolls only where the window is too short for a heading, a
        // few lines of text and the buttons: a scroll area learns its size a frame late,
        // and would move the buttons under a pointer about to click them.
        let tiny = screen.height() < TINY_HEIGHT;
        let response = egui::Modal::new(egui::Id::unique("spanmark-modal")).show(ui.ctx(), |ui| {
            ui.set_max_width(width);
            let mut dialog = |ui: &mut Ui| {
                if let Modal::PathField { purpose, text } = self {
                    answer = path_field_ui(ui, *purpose, text);
                    return;
                }
                ui.heading(self.title());
                egui::ScrollArea::vertical()
                    .id_salt("modal-text")
                    .max_height(text_height)
                    .show(ui, |ui| self.body_ui(ui));
                answer = buttons(ui, self.choices());
            };
            if tiny {
                egui::ScrollArea::vertical()
                    .id_salt("modal-whole")
                    .max_height(whole_height)
                    .show(ui, dialog);
            } else {
                dialog(ui);
            }
        });
        if response.should_close() && answer.is_none() && !matches!(self, Modal::Recovery(_)) {
            answer = Some(Answer::Cancel);
        }
        answer
    }

    fn title(&self) -> String {
        match self {
            Modal::Unsaved { .. } => "Save changes?",
            Modal::PathField { purpose, .. } => return purpose.title(),
            Modal::Recovery(_) => "Restore unsaved work?",
            Modal::ChangedOnDisk { .. } => "Project changed on disk",
            Modal::Gone { .. } => "Project file is gone",
            Modal::ReadOnly { .. } => "Cannot save to this file",
        }
        .to_owned()
    }

    fn body_ui(&self, ui: &mut Ui) {
        match self {
            Modal::Unsaved { project, .. } => {
                ui.label(format!(
                    "\"{project}\" has changes that are not saved. Save them first?"
                ));
            }
            Modal::PathField { .. } => {}
            Modal::Recovery(offer) => {
                ui.label(format!(
                    "Spanmark did not close cleanly. Work from {} was kept: {}.",
                    offer.when, offer.holds
                ));
                if offer.found.project_changed_since() {
                    ui.label(
                        "The project file has changed since (another window or program saved it). \
                         Restoring shows this work; saving it then asks before replacing the file, \
                         and can keep both.",
                    );
                }
                ui.weak(format!("Kept in {}", offer.found.work.display()));
            }
            Modal::ChangedOnDisk { path } => {
                ui.label(format!(
                    "Another program changed {} since spanmark opened it.",
                    path.display()
                ));
                ui.label(
                    "Overwrite keeps their version as a dated copy beside it; Reload drops \
                     your unsaved changes and shows theirs.",
                );
            }
            Modal::Gone { path } => {
                ui.label(format!(
                    "{} was deleted or moved since spanmark opened it. Your work is still here.",
                    path.display()
                ));
            }
            Modal::ReadOnly { path, why } => {
                ui.label(format!(
                    "{} cannot be saved: {why}. Save your work under another name instead.",
                    path.display()
                ));
            }
        }
    }

    fn choices(&self) -> &'static [Choice<'static>] {
        match self {
            Modal::Unsaved { .. } => &[
                ("Save", || Answer::Save),
                ("Discard changes", || Answer::Discard),
                ("Cancel", || Answer::Cancel),
            ],
            Modal::PathField { .. } => &[],
            Modal::Recovery(_) => &[
                ("Restore", || Answer::Restore),
                ("Discard it", || Answer::Discard),
                ("Later", || Answer::Later),
            ],
            Modal::ChangedOnDisk { .. } => &[
                ("Save as…", || Answer::SaveAs),
                ("Overwrite (keep theirs as a copy)", || Answer::Overwrite),
                ("Reload (drop my changes)", || Answer::Reload),
                ("Cancel", || Answer::Cancel),
            ],
            Modal::Gone { .. } => &[
                ("Save here again", || Answer::SaveHere),
                ("Save as…", || Answer::SaveAs),
                ("Cancel", || Answer::Cancel),
            ],
            Modal::ReadOnly { .. } => &[
                ("Save as…", || Answer::SaveAs),
                ("Cancel", || Answer::Cancel),
            ],
        }
    }
}

fn path_field_ui(ui: &mut Ui, purpose: Purpose, text: &mut String) -> Option<Answer> {
    ui.heading(purpose.title());
    ui.label(
        "No file dialog is available on this system (no desktop portal or zenity). Type the path instead.",
    );
    if matches!(purpose, Purpose::OpenArticles | Purpose::AddLayers) {
        ui.weak("Several files: separate them with ;");
    }
    let edit = ui
        .add(
            TextEdit::singleline(text)
                .hint_text("/path/to/file")
                .desired_width(f32::INFINITY)
                .id_salt("path-field"),
        )
        .accessible_name("Path");
    if !edit.has_focus() && !edit.lost_focus() {
        edit.request_focus();
    }
    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    let mut answer = None;
    ui.horizontal(|ui| {
        let ok = if purpose.saves() { "Save" } else { "Open" };
        if (ui.button(ok).clicked() || enter) && !text.trim().is_empty() {
            let paths = text
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect();
            answer = Some(Answer::Paths(paths));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}
