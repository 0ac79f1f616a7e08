//! JSON Lines: one document per line, the same document object as the JSON export
//! (name, sha256, text, spans with code-point, UTF-16 and byte offsets), so a script can
//! stream a large project one article at a time.

use super::json::ExportFile;

pub fn render(export: &ExportFile<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for doc in &export.documents {
        // Plain structs of strings, numbers and string maps always serialise.
        if serde_json::to_writer(&mut out, doc).is_ok() {
            out.push(b'\n');
        }
    }
    out
}
