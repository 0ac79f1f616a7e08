//! The questions the window asks before it does something that could lose work, and
//! the path field offered where no native file dialog exists. A modal shows its
//! question and returns the user's answer; the app acts on it.

use super::command::Command;
use super::dialogs::Purpose;
use egui::{Key, TextEdit, Ui};
use std::path::PathBuf;

pub enum Modal {
    /// Unsaved work would be lost by `then`.
    Unsaved { project: String, then: Command },
    /// No native dialog: type a path. `text` holds what is typed.
    PathField { purpose: Purpose, text: String },
    /// A recovery file from a session that did not end cleanly.
    Recovery { recovery: PathBuf, when: String },
    /// The project file changed on disk since it was opened or saved.
    ChangedOnDisk { path: PathBuf },
}

pub enum Answer {
    Save,
    Discard,
    Cancel,
    Paths(Vec<PathBuf>),
    Restore,
    Overwrite,
}

impl Modal {
    /// Shows the modal; `Some(answer)` once the user has chosen.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Answer> {
        let mut answer = None;
        let response = egui::Modal::new(egui::Id::unique("spanmark-modal")).show(ui.ctx(), |ui| {
            ui.set_max_width(460.0);
            match self {
                Modal::Unsaved { project, .. } => {
                    ui.heading("Save changes?");
                    ui.label(format!("\"{project}\" has changes that are not saved. Save them first?"));
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            answer = Some(Answer::Save);
                        }
                        if ui.button("Discard changes").clicked() {
                            answer = Some(Answer::Discard);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Modal::PathField { purpose, text } => {
                    ui.heading(purpose.title());
                    ui.label("No file dialog is available on this system (no desktop portal or zenity). Type the path instead.");
                    if *purpose == Purpose::OpenArticles {
                        ui.weak("Several files: separate them with ;");
                    }
                    let edit = ui.add(
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
                }
                Modal::Recovery { recovery, when } => {
                    ui.heading("Restore unsaved work?");
                    ui.label(format!(
                        "Spanmark did not close cleanly. Unsaved work from {when} was kept in {}.",
                        recovery.display()
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            answer = Some(Answer::Restore);
                        }
                        if ui.button("Discard it").clicked() {
                            answer = Some(Answer::Discard);
                        }
                    });
                }
                Modal::ChangedOnDisk { path } => {
                    ui.heading("Project changed on disk");
                    ui.label(format!(
                        "Another program changed {} since spanmark opened it. Saving would replace those changes.",
                        path.display()
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            answer = Some(Answer::Overwrite);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
            }
        });
        if response.should_close() && answer.is_none() && !matches!(self, Modal::Recovery { .. }) {
            answer = Some(Answer::Cancel);
        }
        answer
    }
}
