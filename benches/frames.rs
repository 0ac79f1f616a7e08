//! Frame times of the real window on long documents, headless: the App runs on a plain
//! egui Context exactly as eframe runs it (logic, then ui, then tessellation; no GPU,
//! and no AccessKit tree, which eframe builds only for a screen reader) through a
//! scripted session: scroll with the wheel at a brisk pace, jump to the end (Ctrl+End)
//! and scroll back up, hover, drag a selection, tag it, jump to the last span.
//!
//! Prints, per corpus, time to open, median and p99 CPU time per frame (the thread's
//! CPU clock), peak heap, the median of each phase, and the CPU time the other threads
//! (the layout thread) spent during the session, which no frame pays for. Targets (issue 4, 2-core
//! machine): at 10 MB / 100k spans median <= 4 ms, p99 <= 8 ms, median <= 1.5x the
//! 10 KB median, open <= 1 s, peak memory <= 3x text + 300 bytes per span.
//!
//! Two corpora have relations (`frames/relations.rs`), drawn as arcs: 1 MB with 5k and
//! 10 MB with 50k, many crossing paragraphs (issue 17: the same targets as 10 MB).
//!
//! `cargo bench --bench frames` (`-- --quick` skips the 10 MB corpora; `RUNS=n` sets the
//! rounds, 5 by default; `ONLY=1` keeps the corpora whose name starts so).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

#[path = "frames/relations.rs"]
mod relations;

use eframe::App as _;
use egui::{
    Event, Key, Modifiers, MouseWheelUnit, PointerButton, Pos2, RawInput, Rect, pos2, vec2,
};
use spanmark::app::dialogs::NoDialogs;
use spanmark::app::{App, Config};
use spanmark::edit::Edit;
use spanmark::fixture::generated_project;
use spanmark::model::{CharOffset, CharRange, Project};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts heap bytes in use and the peak since the last reset.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwards to the system allocator with the caller's layout.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    /// The system's realloc, so a large block that grows in place (mremap) counts once,
    /// as it does in the process's memory.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract for `realloc` is passed on unchanged.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn reset_peak() -> usize {
    let now = CURRENT.load(Ordering::Relaxed);
    PEAK.store(now, Ordering::Relaxed);
    now
}

struct Row {
    name: &'static str,
    text_bytes: usize,
    spans: usize,
    open: Duration,
    median: Duration,
    p99: Duration,
    frames: usize,
    peak_bytes: usize,
    /// Median frame time of each phase of the session.
    phases: Vec<(&'static str, Duration)>,
    /// CPU time the other threads (the article's layout thread) used during the session.
    other_cpu: Duration,
}

/// The App on an egui Context, stepped frame by frame at 60 Hz.
struct Driver {
    ctx: egui::Context,
    app: App,
    frame: eframe::Frame,
    events: Vec<Event>,
    time: f64,
}

impl Driver {
    fn new(config: Config) -> Self {
        let ctx = egui::Context::default();
        // eframe's own constructors for running an App outside a window (made for
        // egui_kittest; public, if hidden from the docs).
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = App::new(&cc, config);
        Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            events: Vec::new(),
            time: 0.0,
        }
    }

    fn event(&mut self, event: Event) {
        self.events.push(event);
    }

    fn key(&mut self, modifiers: Modifiers, key: Key) {
        self.events.push(Event::ModifiersChanged(modifiers));
        for pressed in [true, false] {
            self.events.push(Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
        self.events.push(Event::ModifiersChanged(Modifiers::NONE));
    }

    fn state(&self) -> &App {
        &self.app
    }

    fn step(&mut self) -> Duration {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events: std::mem::take(&mut self.events),
            focused: true,
            ..Default::default()
        };
        self.time += 1.0 / 60.0;
        let start = thread_cpu_time();
        let (app, frame) = (&mut self.app, &mut self.frame);
        let output = self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx(), frame);
            app.ui(ui, frame);
        });
        std::hint::black_box(self.ctx.tessellate(output.shapes, output.pixels_per_point));
        thread_cpu_time().saturating_sub(start)
    }
}

/// CPU time this thread has used: what a frame costs, unlike wall time, which also
/// counts the moments another process had the core.
fn thread_cpu_time() -> Duration {
    cpu_time(libc::CLOCK_THREAD_CPUTIME_ID)
}

fn cpu_time(clock: libc::clockid_t) -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to fill in.
    let status = unsafe { libc::clock_gettime(clock, &mut now) };
    assert_eq!(status, 0, "the thread CPU clock is available on Linux");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

fn frame(h: &mut Driver, times: &mut Vec<Duration>) {
    let took = h.step();
    times.push(took);
}

/// The scripted session. Returns each phase's name and frame range in `times`.
fn session(h: &mut Driver, times: &mut Vec<Duration>) -> Vec<(&'static str, usize, usize)> {
    let mut phases = Vec::new();
    let mut from = times.len();
    let mut mark = |times: &Vec<Duration>, what: &'static str| {
        phases.push((what, from, times.len()));
        from = times.len();
    };
    let viewport = h.state().article.viewport();
    let middle = viewport.center();
    h.event(Event::PointerMoved(middle));
    // Scroll with the wheel at a brisk reading pace, 120 points a frame, for 180
    // frames; jump to the end (Ctrl+End) and scroll back up for 60 frames. Every
    // scroll frame moves the text, whatever the corpus: an article that ends (or
    // starts) before the frames run out turns round and is scrolled the other way,
    // as a reader going over it again does. Frames at a standstill are measured by
    // the phases after this one.
    let mut down = true;
    scroll(h, times, 180, &mut down);
    h.key(Modifiers::COMMAND, Key::End);
    frame(h, times);
    down = false;
    scroll(h, times, 60, &mut down);
    mark(times, "scroll");
    // Hover over the text for a while.
    for i in 0..60 {
        h.event(Event::PointerMoved(
            middle + vec2((i % 20) as f32 * 8.0, (i / 20) as f32 * 20.0),
        ));
        frame(h, times);
    }
    mark(times, "hover");
    // Drag a selection over a few lines, then tag it.
    let origin = pos2(viewport.left() + 120.0, viewport.top() + 100.0);
    press(h, origin, true);
    frame(h, times);
    for i in 1..=20 {
        h.event(Event::PointerMoved(
            origin + vec2(i as f32 * 10.0, i as f32 * 4.0),
        ));
        frame(h, times);
    }
    press(h, origin + vec2(200.0, 80.0), false);
    frame(h, times);
    h.key(Modifiers::NONE, Key::Q);
    frame(h, times);
    mark(times, "drag + tag");
    // Jump to the last span (Shift+Tab from no selection), back to the top, and idle.
    h.key(Modifiers::NONE, Key::Escape);
    frame(h, times);
    h.key(Modifiers::SHIFT, Key::Tab);
    for _ in 0..30 {
        frame(h, times);
    }
    mark(times, "jump + idle");
    // Compare mode: step through the coders' disagreements (J), each shown beside the
    // others in the Adjudicate tab and brought into view.
    if !h.state().session.layers().is_empty() {
        h.key(Modifiers::NONE, Key::Escape);
        frame(h, times);
        for _ in 0..30 {
            h.key(Modifiers::NONE, Key::J);
            frame(h, times);
            frame(h, times);
        }
        mark(times, "step J");
    }
    phases
}

/// Turns the wheel one notch a frame for `frames` frames, turning round where the
/// article ends.
fn scroll(h: &mut Driver, times: &mut Vec<Duration>, frames: usize, down: &mut bool) {
    for _ in 0..frames {
        let before = h.state().article.scroll_offset();
        h.event(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, if *down { -120.0 } else { 120.0 }),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        frame(h, times);
        if (h.state().article.scroll_offset() - before).abs() < 1.0 {
            *down = !*down;
        }
    }
}

fn press(h: &mut Driver, pos: Pos2, pressed: bool) {
    h.event(Event::PointerMoved(pos));
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// A corpus saved as a project, ready to be opened by each run.
struct Corpus {
    name: &'static str,
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    /// Coders' files shown as layers (compare mode), none for the others.
    layers: Vec<std::path::PathBuf>,
    text_bytes: usize,
    span_count: usize,
}

fn corpus(name: &'static str, chars: usize, spans: usize, coders: usize, links: usize) -> Corpus {
    let mut project = generated_project(1, chars, spans);
    relations::add_relations(&mut project, links);
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.ron");
    spanmark::store::save(&project, &path).expect("save");
    let layers = (0..coders)
        .map(|k| {
            let coder = coder_of(&project, k);
            let path = dir.path().join(format!("coder{}.ron", k + 1));
            spanmark::store::save(&coder, &path).expect("save");
            path
        })
        .collect();
    Corpus {
        name,
        text_bytes: project.documents()[0].text().len(),
        span_count: project.span_count(),
        layers,
        _dir: dir,
        path,
    }
}

/// Coder `k`'s file of the same text: the project's spans, with some dropped, some
/// ends moved back a character and some relabelled, differently for each coder, so
/// every kind of disagreement is there (about 30% of the spans).
fn coder_of(project: &Project, k: usize) -> Project {
    let mut coder = project.clone();
    let doc = &project.documents()[0];
    let labels = ["quote", "claim", "figure"];
    for (i, span) in doc.spans().iter().enumerate() {
        let edit = if i % (9 + k) == k {
            Edit::RemoveSpan {
                doc: doc.id,
                span: span.id,
            }
        } else if i % (11 + k) == 1 && span.range.len_chars() > 1 {
            Edit::Resize {
                doc: doc.id,
                span: span.id,
                range: CharRange::new(span.range.start.0, span.range.end.0 - 1),
            }
        } else if i % (13 + k) == 2 {
            let label = labels[(labels.iter().position(|l| *l == span.label).unwrap_or(0) + 1) % 3];
            Edit::Relabel {
                doc: doc.id,
                span: span.id,
                label: label.to_owned(),
            }
        } else {
            continue;
        };
        // A change that would duplicate another span is left out.
        let _ = edit.apply(&mut coder);
    }
    coder
}

/// Opens the project in a fresh window and runs the session on it.
fn run(c: &Corpus) -> Row {
    let (name, path, text_bytes, span_count) = (c.name, &c.path, c.text_bytes, c.span_count);
    // A folder of its own, so nothing the last run left (a recovery file) is offered.
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = {
        let copy = dir.path().join("bench.ron");
        std::fs::copy(path, &copy).expect("copy the project");
        copy
    };
    let base = reset_peak();
    let start = Instant::now();
    let mut config = Config::new(vec![path]);
    config.dialogs = Box::new(NoDialogs);
    config.data_dir = Some(dir.path().join("data"));
    config.open_last = false;
    config.layers = c.layers.clone();
    let mut h = Driver::new(config);
    // Large files load on a thread behind a progress window: step until the article is
    // drawn (the first frame, with the progress, comes at once).
    let first_frame = h.step();
    let first = start.elapsed();
    while h.state().article.char_rect(CharOffset(0)).is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the article never appeared"
        );
        std::thread::sleep(Duration::from_millis(2));
        h.step();
    }
    let open = start.elapsed();
    if std::env::var_os("PHASES").is_some() {
        eprintln!(
            "  first frame after {:.0} ms ({:.1} ms to draw); opened: in use {:.1} MB, peak {:.1} MB",
            first.as_secs_f64() * 1000.0,
            first_frame.as_secs_f64() * 1000.0,
            (CURRENT.load(Ordering::Relaxed) - base) as f64 / 1e6,
            (PEAK.load(Ordering::Relaxed) - base) as f64 / 1e6
        );
    }

    // Warm up (first layouts of the top of the article), then the session.
    let mut warmup = Vec::new();
    for _ in 0..5 {
        frame(&mut h, &mut warmup);
    }
    let mut times = Vec::new();
    let (process_start, thread_start) =
        (cpu_time(libc::CLOCK_PROCESS_CPUTIME_ID), thread_cpu_time());
    let phases = session(&mut h, &mut times)
        .into_iter()
        .map(|(name, from, to)| (name, median(&times[from..to])))
        .collect();
    let other_cpu = cpu_time(libc::CLOCK_PROCESS_CPUTIME_ID).saturating_sub(process_start)
        - thread_cpu_time().saturating_sub(thread_start);
    assert_eq!(
        h.state().session.project().span_count(),
        span_count + 1,
        "the drag was tagged"
    );
    let peak_bytes = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    times.sort();
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    Row {
        name,
        text_bytes,
        spans: span_count,
        open,
        median: pick(0.5),
        phases,
        p99: pick(0.99),
        frames: times.len(),
        peak_bytes,
        other_cpu,
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The heap an empty window needs (egui's fonts and state), to tell the document's
/// share of a peak from the window's own.
fn empty_window_bytes() -> usize {
    let base = reset_peak();
    let mut config = Config::new(Vec::new());
    config.dialogs = Box::new(NoDialogs);
    config.data_dir = None;
    config.open_last = false;
    let mut h = Driver::new(config);
    for _ in 0..10 {
        h.step();
    }
    PEAK.load(Ordering::Relaxed).saturating_sub(base)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let window = empty_window_bytes();
    let only = std::env::var("ONLY").unwrap_or_default();
    let corpora: Vec<Corpus> = [
        ("10 KB / 0 spans", 10_000, 0, 0, 0),
        ("1 MB / 10k spans", 1_000_000, 10_000, 0, 0),
        ("10 MB / 100k spans", 10_000_000, 100_000, 0, 0),
        ("compare 1 MB, 3×10k", 1_000_000, 10_000, 3, 0),
        ("1 MB / 10k, 5k links", 1_000_000, 10_000, 0, 5_000),
        ("10 MB, 100k, 50k links", 10_000_000, 100_000, 0, 50_000),
    ]
    .into_iter()
    .filter(|(name, chars, ..)| name.starts_with(&only) && !(quick && *chars > 1_000_000))
    .map(|(name, chars, spans, coders, links)| corpus(name, chars, spans, coders, links))
    .collect();
    // The machine's speed drifts (other work on the host, clock changes) over seconds:
    // the corpora take turns for a few rounds, each run in a fresh window, and per
    // corpus the run with the lowest median counts, its other figures with it.
    let rounds: usize = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let mut best: Vec<Option<Row>> = corpora.iter().map(|_| None).collect();
    for _ in 0..rounds {
        for (c, best) in corpora.iter().zip(&mut best) {
            let row = run(c);
            if best.as_ref().is_none_or(|b| row.median < b.median) {
                *best = Some(row);
            }
        }
    }
    let rows: Vec<Row> = best.into_iter().flatten().collect();
    println!(
        "an empty window peaks at {:.1} MB of heap; \"document\" is a corpus's peak above that",
        window as f64 / 1e6
    );
    println!(
        "corpus               text      spans   open      median    p99      frames  peak heap  document  budget"
    );
    for r in &rows {
        let budget = 3 * r.text_bytes + 300 * r.spans;
        println!(
            "{:<20} {:>6.1} MB {:>7} {:>7.0} ms {:>6.2} ms {:>6.2} ms {:>6} {:>7.1} MB {:>6.1} MB {:>6.1} MB",
            r.name,
            r.text_bytes as f64 / 1e6,
            r.spans,
            ms(r.open),
            ms(r.median),
            ms(r.p99),
            r.frames,
            r.peak_bytes as f64 / 1e6,
            r.peak_bytes.saturating_sub(window) as f64 / 1e6,
            budget as f64 / 1e6,
        );
    }
    println!("median frame per phase of the session:");
    for r in &rows {
        let phases: Vec<String> = r
            .phases
            .iter()
            .map(|(name, t)| format!("{name} {:.2} ms", ms(*t)))
            .collect();
        println!("  {:<20} {}", r.name, phases.join(", "));
    }
    println!(
        "CPU time of the other threads (laying out text ahead of the scroll), not in the frames:"
    );
    for r in &rows {
        println!(
            "  {:<20} {:.1} ms over the session, {:.3} ms a frame",
            r.name,
            ms(r.other_cpu),
            ms(r.other_cpu) / r.frames as f64
        );
    }
    let small = rows.first().filter(|r| r.spans == 0);
    let big = rows
        .iter()
        .filter(|r| r.spans > 0 && !r.name.starts_with("compare"));
    if let Some(small) = small {
        for big in big.filter(|r| r.text_bytes > 1_000_000 || r.name.contains("links")) {
            println!(
                "{} median / 10 KB median = {:.2} (target <= 1.5)",
                big.name,
                ms(big.median) / ms(small.median)
            );
        }
    }
    if let Some(compare) = rows.iter().find(|r| r.name.starts_with("compare")) {
        println!(
            "compare mode (1 MB, 3 coders × 10k spans as layers): median {:.2} ms {} 4 ms",
            ms(compare.median),
            if ms(compare.median) <= 4.0 { "<=" } else { ">" }
        );
    }
    for big in rows.iter().filter(|r| r.name.starts_with("10 MB")) {
        println!(
            "{}: median {} 4 ms, p99 {} 8 ms, open {} 1 s, memory {} budget",
            big.name,
            if ms(big.median) <= 4.0 { "<=" } else { ">" },
            if ms(big.p99) <= 8.0 { "<=" } else { ">" },
            if big.open.as_secs_f64() <= 1.0 {
                "<="
            } else {
                ">"
            },
            if big.peak_bytes <= 3 * big.text_bytes + 300 * big.spans {
                "within"
            } else {
                "OVER"
            },
        );
    }
}
