//! The Help menu's windows: the keyboard table (the label keys, every key of the
//! command table and the zoom keys) and the annotation
//! guidelines (`docs/annotation-guidelines.md`, built into the binary, shown as
//! wrapped text with headings). Each window scrolls, fits the window below the menu
//! bar whatever its size and zoom, and is closed with its ✕.

use crate::session::Session;
use crate::session::WindowPart;
use crate::ui::actions::Action;
use crate::ui::label_keys_text;
use egui::gui_zoom::kb_shortcuts;
use egui::{Align2, Label, Rect, RichText, Ui, pos2};
use std::sync::LazyLock;

/// The guidelines, as written in the repository.
const GUIDELINES: &str = include_str!("../../../docs/annotation-guidelines.md");
/// The space kept between a window and the edges of the area it may use.
const GAP: f32 = 8.0;

/// Which help windows are open.
#[derive(Default)]
pub struct HelpWindows {
    keyboard: bool,
    guidelines: bool,
}

impl HelpWindows {
    /// Opens the window of `part` (the other parts are not help windows).
    pub fn open(&mut self, part: WindowPart) {
        match part {
            WindowPart::KeyboardHelp => self.keyboard = true,
            WindowPart::Guidelines => self.guidelines = true,
            WindowPart::DocumentsPanel
            | WindowPart::SpansPanel
            | WindowPart::Statistics
            | WindowPart::Claims
            | WindowPart::Labels
            | WindowPart::About => {}
        }
    }

    /// Shows the open windows below `menu_bottom` (the menu bar's), never over it.
    pub fn windows_ui(&mut self, ctx: &egui::Context, menu_bottom: f32, session: &Session) {
        let screen = ctx.content_rect();
        let area = Rect::from_min_max(pos2(screen.left(), menu_bottom), screen.max);
        if self.keyboard {
            help_window("Keyboard", &mut self.keyboard, area, 460.0)
                .show(ctx, |ui| keyboard_ui(ui, session));
        }
        if self.guidelines {
            help_window("Annotation guidelines", &mut self.guidelines, area, 620.0)
                .show(ctx, guidelines_ui);
        }
    }
}

/// A window that scrolls, at most `width` wide, inside `area`, at its top centre.
pub(crate) fn help_window<'a>(
    title: &'a str,
    open: &'a mut bool,
    area: Rect,
    width: f32,
) -> egui::Window<'a> {
    let inside = area.shrink(GAP);
    egui::Window::new(title)
        .open(open)
        .collapsible(false)
        .constrain_to(inside)
        .pivot(Align2::CENTER_TOP)
        .default_pos(pos2(inside.center().x, inside.top()))
        .default_width(width.min(inside.width()))
        .default_height(inside.height())
        .max_width(inside.width())
        .max_height(inside.height())
        .vscroll(true)
}

/// The keys, then what they do, one row each.
fn keyboard_ui(ui: &mut Ui, session: &Session) {
    let row = |ui: &mut Ui, keys: &str, what: &str| {
        ui.label(RichText::new(keys).strong());
        ui.add(Label::new(what).wrap());
        ui.end_row();
    };
    egui::Grid::new("keys")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (i, label) in session.project().labels.iter().enumerate() {
                let keys = label_keys_text(ui.ctx(), label.key, i);
                row(ui, &keys, &format!("Tag selection as {}", label.name));
            }
            for action in Action::ALL {
                let keys: Vec<String> = action
                    .shortcuts()
                    .iter()
                    .map(|s| ui.ctx().format_shortcut(s))
                    .collect();
                if !keys.is_empty() {
                    row(ui, &keys.join(" / "), &action.name());
                }
            }
            let key = |ui: &Ui, k| ui.ctx().format_shortcut(k);
            let zoom_in = format!(
                "{} / {}",
                key(ui, &kb_shortcuts::ZOOM_IN),
                key(ui, &kb_shortcuts::ZOOM_IN_SECONDARY)
            );
            row(ui, &zoom_in, "Zoom in");
            row(ui, &key(ui, &kb_shortcuts::ZOOM_OUT), "Zoom out");
            row(ui, &key(ui, &kb_shortcuts::ZOOM_RESET), "Reset the zoom");
        });
    ui.add_space(GAP);
    ui.weak("Keys that type letters act only while the article has the keyboard.");
}

/// A block of the guidelines.
enum Block {
    /// A heading and its level (1 for `#`).
    Heading(usize, String),
    Paragraph(Vec<Piece>),
    Bullet(Vec<Piece>),
}

/// A run of text in a paragraph: plain, `code` or **strong**.
struct Piece {
    text: String,
    code: bool,
    strong: bool,
}

/// The guidelines read into blocks, once.
static BLOCKS: LazyLock<Vec<Block>> = LazyLock::new(|| blocks(GUIDELINES));

/// Headings, paragraphs and bullets of a markdown text; lines of one paragraph or
/// bullet are joined.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut bullet = false;
    let flush = |text: &mut String, bullet: bool, out: &mut Vec<Block>| {
        if !text.is_empty() {
            let pieces = pieces(text);
            out.push(if bullet {
                Block::Bullet(pieces)
            } else {
                Block::Paragraph(pieces)
            });
            text.clear();
        }
    };
    for line in markdown.lines() {
        let trimmed = line.trim();
        let level = trimmed.chars().take_while(|c| *c == '#').count();
        if trimmed.is_empty() {
            flush(&mut text, bullet, &mut out);
        } else if level > 0 && trimmed[level..].starts_with(' ') {
            flush(&mut text, bullet, &mut out);
            out.push(Block::Heading(level, trimmed[level..].trim().to_owned()));
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            flush(&mut text, bullet, &mut out);
            bullet = true;
            text.push_str(item);
        } else {
            if text.is_empty() {
                bullet = false;
            } else {
                text.push(' ');
            }
            text.push_str(trimmed);
        }
    }
    flush(&mut text, bullet, &mut out);
    out
}

/// The runs of a paragraph: `code` between backticks, **strong** between double stars.
fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut code, mut strong) = (false, false);
    let mut run = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let marker = c == '`' || (c == '*' && !code && chars.peek() == Some(&'*'));
        if !marker {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push(Piece {
                text: std::mem::take(&mut run),
                code,
                strong,
            });
        }
        if c == '`' {
            code = !code;
        } else {
            chars.next();
            strong = !strong;
        }
    }
    if !run.is_empty() {
        out.push(Piece {
            text: run,
            code,
            strong,
        });
    }
    out
}

fn guidelines_ui(ui: &mut Ui) {
    for block in BLOCKS.iter() {
        match block {
            Block::Heading(1, text) => {
                ui.heading(text);
            }
            Block::Heading(_, text) => {
                ui.add_space(GAP);
                ui.label(RichText::new(text).strong().size(16.0));
            }
            Block::Paragraph(pieces) => pieces_ui(ui, None, pieces),
            Block::Bullet(pieces) => pieces_ui(ui, Some("•  "), pieces),
        }
        ui.add_space(GAP / 2.0);
    }
}

/// A paragraph's runs, wrapped at the window's width.
fn pieces_ui(ui: &mut Ui, prefix: Option<&str>, pieces: &[Piece]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        if let Some(prefix) = prefix {
            ui.label(prefix);
        }
        for piece in pieces {
            let mut text = RichText::new(&piece.text);
            if piece.code {
                text = text.code();
            }
            if piece.strong {
                text = text.strong();
            }
            ui.add(Label::new(text).wrap());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guidelines_read_as_headings_paragraphs_and_bullets() {
        let blocks = blocks(
            "# Title\n\nOne\nline.\n\n## quote\nWords.\n\n- A `code` bit\n  goes on.\n- **Not** this.\n",
        );
        let text = |pieces: &[Piece]| -> String {
            pieces
                .iter()
                .map(|p| {
                    format!(
                        "{}{}{}",
                        if p.code { "`" } else { "" },
                        p.text,
                        if p.strong { "!" } else { "" }
                    )
                })
                .collect()
        };
        let shown: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Heading(level, t) => format!("h{level} {t}"),
                Block::Paragraph(p) => format!("p {}", text(p)),
                Block::Bullet(p) => format!("- {}", text(p)),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "h1 Title",
                "p One line.",
                "h2 quote",
                "p Words.",
                "- A `code bit goes on.",
                "- Not! this."
            ]
        );
        assert!(BLOCKS.len() > 5, "the guidelines are built in");
    }
}
