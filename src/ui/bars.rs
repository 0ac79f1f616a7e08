//! The menu bar, the label bar under it and the status bar at the bottom.

use super::article::color_of;
use super::{label_keys_text, preview};
use crate::app::command::{ACTIONS, Command};
use crate::app::session::Session;
use crate::formats::import::ImportFormat;
use egui::{Button, RichText, Ui};
use std::path::PathBuf;

fn action_button(ui: &mut Ui, name: &str, enabled: bool, out: &mut Vec<Command>) {
    let Some(action) = ACTIONS.iter().find(|a| a.name == name) else {
        return;
    };
    let shortcut = action
        .shortcuts
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    if ui
        .add_enabled(enabled, Button::new(name).shortcut_text(shortcut))
        .clicked()
    {
        out.push((action.command)());
        ui.close();
    }
}

pub fn menu_bar_ui(ui: &mut Ui, session: &Session, recent: &[PathBuf], out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action_button(ui, "New project", true, out);
            action_button(ui, "Open articles…", true, out);
            action_button(ui, "Open project…", true, out);
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Command::OpenPath(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            action_button(ui, "Save", true, out);
            action_button(ui, "Save as…", true, out);
            ui.separator();
            let any = !session.project.documents().is_empty();
            // A submenu: with every format in the File menu itself, a laptop screen at a
            // large zoom could not show its last items.
            ui.add_enabled_ui(any, |ui| {
                ui.menu_button("Export", |ui| {
                    action_button(ui, "Export JSON…", any, out);
                    action_button(ui, "Export JSONL…", any, out);
                    action_button(ui, "Export CSV…", any, out);
                    action_button(ui, "Export doccano JSONL…", any, out);
                    action_button(ui, "Export doccano JSONL (grapheme offsets)…", any, out);
                    action_button(ui, "Export spaCy JSONL…", any, out);
                    action_button(ui, "Export Label Studio JSON…", any, out);
                    action_button(ui, "Export W3C Web Annotations…", any, out);
                    if ui
                        .add_enabled(any, Button::new("Export brat standoff (folder)…"))
                        .clicked()
                    {
                        out.push(Command::ExportBrat);
                        ui.close();
                    }
                });
            });
            ui.menu_button("Import", |ui| {
                for format in ImportFormat::ALL {
                    if ui.button(format!("{}…", format.title())).clicked() {
                        out.push(Command::Import(format));
                        ui.close();
                    }
                }
            });
            ui.separator();

            action_button(ui, "Quit", true, out);
        });
        ui.menu_button("Edit", |ui| {
            action_button(ui, "Undo", session.history.can_undo(), out);
            action_button(ui, "Redo", session.history.can_redo(), out);
            ui.separator();
            action_button(ui, "Find…", session.document().is_some(), out);
            action_button(ui, "Delete span", session.selected_span.is_some(), out);
            action_button(ui, "Next span", session.document().is_some(), out);
            action_button(ui, "Previous span", session.document().is_some(), out);
            action_button(ui, "Clear selection", true, out);
            ui.separator();
            action_button(ui, "Go to the start", session.document().is_some(), out);
            action_button(ui, "Go to the end", session.document().is_some(), out);
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
                for (i, label) in session.project.labels.iter().enumerate() {
                    ui.label(format!("Tag selection as {}", label.name));
                    ui.label(label_keys_text(ui.ctx(), label.key, i));
                    ui.end_row();
                }
                for action in ACTIONS {
                    let keys: Vec<String> = action
                        .shortcuts
                        .iter()
                        .map(|s| ui.ctx().format_shortcut(s))
                        .collect();
                    if !keys.is_empty() {
                        ui.label(action.name);
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
        let can_tag = session.selection.is_some() || session.selected_span.is_some();
        ui.label("Tag:");
        for (i, label) in session.project.labels.iter().enumerate() {
            let keys = label_keys_text(ui.ctx(), label.key, i);
            let text = RichText::new(format!("{}  {keys}", label.name))
                .color(color_of(&label.color))
                .strong();
            let response = ui
                .add_enabled(can_tag, Button::new(text))
                .on_hover_text(format!("Tag the selection as {} ({keys})", label.name))
                .on_disabled_hover_text("Select text in the article first");
            if response.clicked() {
                out.push(Command::Tag(label.name.clone()));
            }
        }
        ui.separator();
        ui.label("Suggest:");
        for label in session
            .project
            .labels
            .iter()
            .filter(|l| ["quote", "claim", "figure"].contains(&l.name.as_str()))
        {
            let mut on = session.suggestions.labels.contains(&label.name);
            let text = RichText::new(&label.name).color(color_of(&label.color));
            if ui
                .checkbox(&mut on, text)
                .on_hover_text(format!(
                    "Show suggested {} spans (Enter accepts, Backspace rejects, N next)",
                    label.name
                ))
                .changed()
            {
                out.push(Command::ToggleSuggestions(label.name.clone()));
            }
        }
    });
}

pub fn status_bar_ui(ui: &mut Ui, session: &Session) {
    ui.horizontal(|ui| {
        if let (Some(sel), Some(doc)) = (session.selection, session.document()) {
            let text = doc.slice(sel).unwrap_or("");
            ui.label(format!(
                "Selected {}–{} ({} characters): {}",
                sel.start,
                sel.end,
                sel.len_chars(),
                preview(text, 40)
            ));
        } else if let Some((_, span)) = session
            .selected_span
            .and_then(|s| session.project.find_span(s))
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
            if let Some(why) = &session.read_only {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, "Read-only")
                    .on_hover_text(format!("Not saved to this file: {}", why.reason()));
            }
            ui.separator();
            let in_doc = session.document().map_or(0, |d| d.spans().len());
            ui.label(format!(
                "{in_doc} spans here, {} in the project",
                session.project.span_count()
            ));
            if let Some(path) = &session.path {
                ui.separator();
                ui.weak(path.display().to_string());
            }
        });
    });
}
