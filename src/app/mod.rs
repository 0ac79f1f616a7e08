//! The eframe application: the window's panels around the [`Session`], the keyboard
//! table, file handling (`files.rs`), autosave and recovery, and the prompts that guard
//! unsaved work. Commands from every panel are collected during a frame and run at its
//! end by [`App::run`]; edits among them go to [`Session::apply`].

pub mod dialogs;
mod files;
mod layers;
mod layout;
pub mod loading;
mod messages;
pub mod modal;
mod recovery;
mod saving;
mod transfer;

use crate::session::{Command, EditCommand, FileCommand, Session, WindowCommand};
use crate::ui::ARTICLE_ID;
use crate::ui::actions::{Action, label_shortcuts};
use crate::ui::article::ArticleView;
use crate::ui::bars::help::HelpWindows;
use crate::ui::find::FindBar;
use crate::ui::label_editor::LabelEditor;
use crate::ui::spans::SpansPanel;
use dialogs::FileDialogs;
use egui::{Id, KeyboardShortcut, Ui};
use messages::{Lasts, Messages};
use modal::Modal;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

const PREFS_KEY: &str = "spanmark-prefs";

/// How the window starts.
pub struct Config {
    /// Projects and articles given on the command line.
    pub paths: Vec<PathBuf>,
    /// Coders' project files to show as read-only layers (`spanmark adjudicate`).
    pub layers: Vec<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Where an untitled project's recovery file goes (the user's data folder).
    pub data_dir: Option<PathBuf>,
    /// Seconds between autosaves of unsaved work.
    pub autosave_seconds: f64,
    /// Open the last project (or the sample one) when no path is given.
    pub open_last: bool,
    /// Files at least this large are opened on a thread, with progress and Cancel.
    pub background_bytes: u64,
    /// A pause per chunk read on that thread (tests use it to see the progress).
    pub load_throttle: std::time::Duration,
    /// Where glyphs the bundled fonts lack come from (the system's fonts, in the
    /// window); shared by the window and the article's layout thread.
    pub font_providers: Vec<std::sync::Arc<dyn egui::epaint::text::FontProvider>>,
    /// Preferences to start with where eframe keeps none (a test's window).
    pub prefs: Option<Prefs>,
    /// A fixed time spans record (`YYYY-MM-DDTHH:MM:SSZ`) instead of the clock's.
    pub clock: Option<String>,
    /// The name `--coder` gave, for this run over the one the window remembers.
    pub coder: Option<String>,
}

impl Config {
    pub fn new(paths: Vec<PathBuf>) -> Self {
        Self {
            paths,
            layers: Vec::new(),
            dialogs: Box::new(dialogs::NativeDialogs),
            data_dir: eframe::storage_dir("spanmark"),
            autosave_seconds: 5.0,
            open_last: true,
            background_bytes: loading::BACKGROUND_BYTES,
            load_throttle: std::time::Duration::ZERO,
            font_providers: Vec::new(),
            prefs: None,
            clock: None,
            coder: None,
        }
    }
}

/// UI preferences kept by eframe between runs (projects are saved by the store).
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub last_project: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub zoom: Option<f32>,
    /// The labels whose suggestions were shown (ticked under "Suggest").
    pub suggested: Vec<String>,
    /// The name spans made in the window record ("Your name" in the inspector);
    /// `None`: git's `user.name`, else the login name.
    pub coder: Option<String>,
}

impl Prefs {
    fn remember(&mut self, path: &std::path::Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(10);
        self.last_project = Some(path);
    }
}

pub struct App {
    pub session: Session,
    pub article: ArticleView,
    spans: SpansPanel,
    find: FindBar,
    /// Which side panels show, and how wide they may be.
    panels: layout::SidePanels,
    help: HelpWindows,
    about: crate::ui::bars::about::AboutWindow,
    labels: LabelEditor,
    modal: Option<Modal>,
    /// A large file being opened on a thread.
    loading: Option<loading::Loading>,
    background_bytes: u64,
    load_throttle: std::time::Duration,
    pub messages: Messages,
    prefs: Prefs,
    dialogs: Box<dyn FileDialogs>,
    data_dir: Option<PathBuf>,
    autosave_seconds: f64,
    /// This window session's recovery slot, made at the first autosave.
    recovery: Option<crate::store::recovery::RecoverySlot>,
    /// Recovered work the user put off ("Later") or that could not be read.
    recovery_put_off: Vec<PathBuf>,
    /// The history state last written to the recovery slot.
    recovered: Option<u64>,
    /// Since when the project has had changes not in the recovery file (egui time).
    dirty_since: Option<f64>,
    /// When the user last gave input (egui time).
    last_activity: f64,
    /// A save that must happen before this command runs (from the unsaved prompt).
    after_save: Option<Command>,
    /// Commands to run at the start of the next frame.
    queued: Vec<Command>,
    /// The user agreed to lose unsaved work for the next guarded command.
    discard_ok: bool,
    /// The window may close now.
    closing: bool,
    title: String,
    /// A text field had the keyboard at the end of the last frame (so an Escape that
    /// just left it is not also taken by the article).
    text_had_keys: bool,
    shortcuts: Vec<(KeyboardShortcut, Action)>,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, mut config: Config) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .or(config.prefs.take())
            .unwrap_or_default();
        if let Some(zoom) = prefs.zoom {
            cc.egui_ctx.set_zoom_factor(zoom);
        }
        // The most specific shortcut first: egui ignores an unasked-for Shift.
        let mut shortcuts: Vec<(KeyboardShortcut, Action)> = Action::ALL
            .iter()
            .flat_map(|a| a.shortcuts().iter().map(move |s| (*s, *a)))
            .collect();
        shortcuts.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        if !config.font_providers.is_empty() {
            cc.egui_ctx
                .set_font_providers(config.font_providers.clone());
        }
        let mut session = Session::untitled();
        session.set_coder(config.coder.as_deref().or(prefs.coder.as_deref()));
        session.set_clock(config.clock.as_deref());
        session.set_reserved_keys(crate::ui::actions::reserved_label_keys());
        let mut app = Self {
            session,
            article: ArticleView::new(config.font_providers),
            spans: SpansPanel::default(),
            find: FindBar::default(),
            panels: layout::SidePanels::default(),
            help: HelpWindows::default(),
            about: Default::default(),
            labels: LabelEditor::default(),
            modal: None,
            loading: None,
            background_bytes: config.background_bytes,
            load_throttle: config.load_throttle,
            messages: Messages::default(),
            prefs,
            dialogs: config.dialogs,
            data_dir: config.data_dir,
            autosave_seconds: config.autosave_seconds,
            recovery: None,
            recovery_put_off: Vec::new(),
            recovered: None,
            dirty_since: None,
            last_activity: 0.0,
            after_save: None,
            queued: Vec::new(),
            discard_ok: false,
            closing: false,
            title: String::new(),
            text_had_keys: false,
            shortcuts,
        };
        app.start(config.paths, config.open_last);
        if !config.layers.is_empty() {
            app.add_layer_paths(&config.layers);
        }
        app
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.messages.add(text.into(), true, Lasts::ThisProject);
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.messages.add(text.into(), false, Lasts::ThisProject);
    }

    /// A confirmation of what a command did: it shows for a few seconds.
    fn notice(&mut self, text: String) {
        self.messages.notice(text);
    }

    /// A message about work that is not saved: it goes when the work is saved.
    fn until_saved(&mut self, text: impl Into<String>, error: bool) {
        self.messages.add(text.into(), error, Lasts::Unsaved);
    }

    /// The messages that end with `lasts` go.
    fn resolved(&mut self, lasts: Lasts) {
        self.messages.resolved(lasts);
    }

    /// Keys: the command table and the label keys. Keys that type text are only taken
    /// while the article (not a text field) has the keyboard.
    fn keys(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let article = Id::unique(ARTICLE_ID);
        let article_keys = !self.text_had_keys
            && ctx.memory(|m| m.focused().is_none_or(|f| f == article))
            && self.modal.is_none()
            && self.loading.is_none();
        if article_keys && let Some(from) = self.session.linking_from() {
            // While linking, Enter ends the link at the selected span and Esc gives up
            // (before the table gives them to suggestions and the selection).
            let enter = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
            let target = self.session.selected_span().filter(|s| *s != from);
            if enter && let Some(to) = target {
                out.push(crate::session::RelationCommand::Finish(to).into());
            }
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
                out.push(crate::session::RelationCommand::Cancel.into());
            }
        }
        for (shortcut, action) in &self.shortcuts {
            if action.plain_keys() && !article_keys {
                continue;
            }
            if self.modal.is_some() || self.loading.is_some() {
                continue;
            }
            if ctx.input_mut(|input| input.consume_shortcut(shortcut)) {
                out.push(action.command());
            }
        }
        if article_keys {
            for (position, label) in self.session.project().labels.iter().enumerate() {
                for shortcut in label_shortcuts(label.key, position) {
                    if ctx.input_mut(|input| input.consume_shortcut(&shortcut)) {
                        out.push(EditCommand::Tag(label.name.clone()).into());
                    }
                }
            }
            // The platform turns Ctrl+C (Cmd+C, the Copy key) into a Copy event.
            if ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy))) {
                out.push(WindowCommand::Copy.into());
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.session.is_dirty() { " •" } else { "" };
        let read_only = if self.session.read_only().is_some() {
            " (read-only)"
        } else {
            ""
        };
        let title = format!(
            "{}{marker}{read_only} — spanmark",
            self.session.display_name()
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }
}

fn modifier_count(m: egui::Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().close_requested()) && self.session.is_dirty() && !self.closing
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.modal.is_none() {
                self.modal = Some(Modal::Unsaved {
                    project: self.session.display_name(),
                    then: WindowCommand::Quit.into(),
                });
            }
        }
        self.autosave(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut out = std::mem::take(&mut self.queued);
        self.session.refresh_suggestions();
        self.session.refresh_layers();
        self.keys(&ctx, &mut out);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            // Projects dropped with Alt held are added as coders' layers.
            let alt = ctx.input(|i| i.modifiers.alt);
            let (layers, rest): (Vec<PathBuf>, Vec<PathBuf>) = dropped
                .into_iter()
                .partition(|p| alt && p.extension().is_some_and(|e| e == "ron"));
            if !layers.is_empty() {
                out.push(FileCommand::AddLayerPaths(layers).into());
            }
            if !rest.is_empty() {
                out.push(FileCommand::OpenPaths(rest).into());
            }
        }

        let menu = egui::Panel::top("menu")
            .show(ui, |ui| {
                let (session, recent) = (&self.session, &self.prefs.recent);
                let shown = self.shown();
                let menu = crate::ui::bars::menu_bar_ui(ui, session, recent, shown, &mut out);
                crate::ui::bars::label_bar_ui(ui, &self.session, &mut out);
                self.messages.ui(ui);
                menu
            })
            .inner;
        egui::Panel::bottom("status")
            .show(ui, |ui| crate::ui::bars::status_bar_ui(ui, &self.session));
        self.side_panels_ui(ui, &mut out);
        egui::CentralPanel::default().show(ui, |ui| {
            if self
                .session
                .document()
                .is_some_and(|d| !d.conflicts().is_empty())
            {
                crate::ui::conflicts::conflicts_bar_ui(ui, &self.session, &mut out);
                ui.separator();
            }
            if self.session.suggestions().is_on() {
                crate::ui::suggest_bar::suggestions_bar_ui(ui, &self.session, &mut out);
                ui.separator();
            }
            if self.find.open {
                self.find.ui(ui, &self.session, &mut out);
                ui.separator();
            }
            let highlights = self.find.highlights();
            let scroll_to = self.session.take_scroll_to();
            self.article
                .ui(ui, &self.session, scroll_to, highlights, &mut out);
        });
        self.help.windows_ui(&ctx, menu.bottom, &self.session);
        let recovery = self.recovery_root();
        self.about
            .window_ui(&ctx, menu.bottom, self.data_dir.as_deref(), &recovery);
        self.labels
            .window_ui(&ctx, menu.bottom, &self.session, &mut out);
        // Everything is laid out: the font texture has its size for the frame.
        self.spans.finish_frame(&ctx);
        // The article takes the keyboard whenever nothing else has it.
        let article = Id::unique(ARTICLE_ID);
        if ctx.memory(|m| m.focused().is_none()) && self.modal.is_none() {
            ctx.memory_mut(|m| m.request_focus(article));
        }
        ctx.memory_mut(|m| {
            m.set_focus_lock_filter(
                article,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: false,
                    escape: true,
                },
            )
        });

        self.text_had_keys = ctx.memory(|m| m.focused().is_some_and(|f| f != article));

        if let Some(loading) = &self.loading {
            match loading.poll() {
                loading::Poll::Done(loaded) => {
                    self.loading = None;
                    self.loaded(*loaded);
                }
                loading::Poll::Abandoned => {
                    let kind = loading.kind();
                    self.loading = None;
                    self.error(format!("{kind} stopped unexpectedly; nothing was changed."));
                }
                loading::Poll::Pending => {
                    if loading.ui(&ctx) {
                        loading.cancel();
                        let kind = loading.kind();
                        self.loading = None;
                        self.info(format!("{kind} cancelled; nothing was changed."));
                    }
                }
            }
        }

        if let Some(modal) = self.modal.as_mut()
            && let Some(answer) = modal.ui(ui)
        {
            self.answer(&ctx, answer);
        }
        for command in out {
            self.run(&ctx, command);
        }
        self.prefs.zoom = Some(ctx.zoom_factor());
        let suggested = self.session.suggestions().labels();
        if !suggested.iter().eq(self.prefs.suggested.iter()) {
            self.prefs.suggested = suggested.iter().cloned().collect();
        }
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    /// The window closes: with nothing unsaved, its recovery slot goes too (with
    /// unsaved work it stays, to be offered next time).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.session.is_dirty() {
            self.end_recovery();
        }
    }
}

/// Opens the window; returns when it closes.
pub fn run(mut config: Config) -> anyhow::Result<()> {
    // One provider of system fonts for the window and the article's layout thread
    // (eframe would add its own to the window only).
    config.font_providers = vec![std::sync::Arc::new(
        egui_system_font_provider::SystemFontProvider::new(),
    )];
    let options = eframe::NativeOptions {
        system_font_fallback: false,
        viewport: egui::ViewportBuilder::default()
            .with_title("spanmark")
            .with_app_id("spanmark")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "spanmark",
        options,
        Box::new(|cc| Ok(Box::new(App::new(cc, config)))),
    )
    .map_err(|err| anyhow::anyhow!("cannot open the window ({err})"))
}
