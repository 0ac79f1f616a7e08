//! The menu bar, the label bar under it and the status bar at the bottom.

use super::theme::label_color;
use super::{label_keys_text, preview};
use crate::formats::ExportFormat;
use crate::formats::import::ImportFormat;
use crate::session::Session;
use crate::session::{Command, EditCommand, FileCommand, SuggestionCommand};
use crate::ui::actions::Action;
use egui::{Button, RichText, Ui};
use std::path::PathBuf;

fn action_button(ui: &mut Ui, action: Action, enabled: bool, out: &mut Vec<Command>) {
    let mut button = Button::new(action.name());
    let keys = action.shortcut_text(ui.ctx());
    // Without keys, no shortcut text: a screen reader reads the name alone.
    if !keys.is_empty() {
        button = button.shortcut_text(keys);
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.push(action.command());
        ui.close();
    }
}

pub fn menu_bar_ui(ui: &mut Ui, session: &Session, recent: &[PathBuf], out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action_button(ui, Action::NewProject, true, out);
            action_button(ui, Action::OpenArticles, true, out);
            action_button(ui, Action::OpenProject, true, out);
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(FileCommand::OpenPath(path.clone()).into());
                        ui.close();
                    }
                }
            });
            ui.separator();
            action_button(ui, Action::Save, true, out);
            action_button(ui, Action::SaveAs, true, out);
            ui.separator();
            let any = !session.project().documents().is_empty();
            // A submenu: with every format in the File menu itself, a laptop screen at a
            // large zoom could not show its last items.
            ui.add_enabled_ui(any, |ui| {
                ui.menu_button("Export", |ui| {
                    for format in ExportFormat::ALL {
                        action_button(ui, Action::Export(format), any, out);
                    }
                });
            });
            ui.menu_button("Import", |ui| {
                for format in ImportFormat::ALL {
                    if ui.button(format!("{}…", format.title())).clicked() {
                        out.push(FileCommand::Import(format).into());
                        ui.close();
                    }
                }
            });
            ui.separator();

            action_button(ui, Action::Quit, true, out);
        });
        ui.menu_button("Edit", |ui| {
            action_button(ui, Action::Undo, session.history().can_undo(), out);
            action_button(ui, Action::Redo, session.history().can_redo(), out);
            ui.separator();
            action_button(ui, Action::Find, session.document().is_some(), out);
            action_button(ui, Action::Copy, session.selected_text().is_some(), out);
            action_button(
                ui,
                Action::DeleteSpan,
                session.selected_span().is_some(),
                out,
            );
            action_button(ui, Action::NextSpan, session.document().is_some(), out);
            action_button(ui, Action::PrevSpan, session.document().is_some(), out);
            action_button(ui, Action::ClearSelection, true, out);
            ui.separator();
            action_button(ui, Action::GoToStart, session.document().is_some(), out);
            action_button(ui, Action::GoToEnd, session.document().is_some(), out);
            ui.separator();
            action_button(ui, Action::MarkDone, session.document().is_some(), out);
        });
        ui.menu_button("View", |ui| {
            egui::gui_zoom::zoom_menu_buttons(ui);
            ui.separator();
            ui.label("Theme");
            egui::widgets::global_theme_preference_buttons(ui);
        });
        ui.menu_button("Help", |ui| {
            ui.label(RichText::new("Keyboard").strong());
            egui::Grid::new("keys").striped(true).show(ui, |ui| {
                for (i, label) in session.project().labels.iter().enumerate() {
                    ui.label(format!("Tag selection as {}", label.name));
                    ui.label(label_keys_text(ui.ctx(), label.key, i));
                    ui.end_row();
                }
                for action in Action::ALL {
                    let keys: Vec<String> = action
                        .shortcuts()
                        .iter()
                        .map(|s| ui.ctx().format_shortcut(s))
                        .collect();
                    if !keys.is_empty() {
                        ui.label(action.name());
                        ui.label(keys.join(" / "));
                        ui.end_row();
                    }
                }
            });
            ui.separator();
            ui.label(format!("spanmark {}", env!("CARGO_PKG_VERSION")));
        });
    });
}

pub fn label_bar_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let can_tag = session.selection().is_some() || session.selected_span().is_some();
        ui.label("Tag:");
        for (i, label) in session.project().labels.iter().enumerate() {
            let keys = label_keys_text(ui.ctx(), label.key, i);
            let text = RichText::new(format!("{}  {keys}", label.name))
                .color(label_color(&session.project().labels, &label.name))
                .strong();
            let response = ui
                .add_enabled(can_tag, Button::new(text))
                .on_hover_text(format!("Tag the selection as {} ({keys})", label.name))
                .on_disabled_hover_text("Select text in the article first");
            if response.clicked() {
                out.push(EditCommand::Tag(label.name.clone()).into());
            }
        }
        ui.separator();
        ui.label("Suggest:");
        for label in session
            .project()
            .labels
            .iter()
            .filter(|l| ["quote", "claim", "figure"].contains(&l.name.as_str()))
        {
            let mut on = session.suggestions().labels().contains(&label.name);
            let text = RichText::new(&label.name)
                .color(label_color(&session.project().labels, &label.name));
            if ui
                .checkbox(&mut on, text)
                .on_hover_text(format!(
                    "Show suggested {} spans (Enter accepts, Backspace rejects, N next)",
                    label.name
                ))
                .changed()
            {
                out.push(SuggestionCommand::Toggle(label.name.clone()).into());
            }
        }
    });
}

pub fn status_bar_ui(ui: &mut Ui, session: &Session) {
    ui.horizontal(|ui| {
        if let (Some(sel), Some(doc)) = (session.selection(), session.document()) {
            let text = doc.slice(sel).unwrap_or("");
            ui.label(format!(
                "Selected {}–{} ({} characters): {}",
                sel.start,
                sel.end,
                sel.len_chars(),
                preview(text, 40)
            ));
        } else if let Some((_, span)) = session
            .selected_span()
            .and_then(|s| session.project().find_span(s))
        {
            ui.label(format!(
                "Span {}: {} {}–{}",
                span.id, span.label, span.range.start, span.range.end
            ));
        } else {
            ui.weak("Drag over text to select it; click a highlight to select a span.");
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let saved = if session.is_dirty() {
                "Unsaved changes"
            } else {
                "Saved"
            };
            ui.label(saved);
            if let Some(why) = &session.read_only() {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, "Read-only")
                    .on_hover_text(format!("Not saved to this file: {}", why.reason()));
            }
            ui.separator();
            let in_doc = session.document().map_or(0, |d| d.spans().len());
            ui.label(format!(
                "{in_doc} spans here, {} in the project",
                session.project().span_count()
            ));
            if let Some(path) = &session.path() {
                ui.separator();
                ui.weak(path.display().to_string());
            }
        });
    });
}
