//! Reading one file: deciding from its name or `#!` line whether it is a
//! script, and refusing files over the size cap before reading them.
//! A large script is searched for markers block by block first, so that a
//! generated table with no marker never sits whole in memory.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use crate::language::Language;
use crate::prefilter;

/// Scripts larger than this are searched block by block before they are
/// read whole.
const STREAM_ABOVE: u64 = 256 * 1024;
/// Bytes read at a time when searching block by block.
const BLOCK: usize = 64 * 1024;

/// Bytes read to find a `#!` line in a file without a known extension.
pub const SHEBANG_HEAD: usize = 256;
/// Bytes searched for a NUL to tell a binary file.
pub const BINARY_HEAD: usize = 8192;

/// Returns whether the bytes start with a UTF-16 byte order mark. Markers in
/// UTF-16 text can only be searched for after decoding.
pub fn starts_with_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Tells a binary file from a script with a stray NUL byte. Executables and
/// archives have NULs throughout their first block, while a script that bash
/// or Python would still run has at most a few, so a handful of NULs in a
/// large block is read as text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(BINARY_HEAD)];
    let nuls = memchr::memchr_iter(0, head).count();
    nuls >= 4 || (nuls > 0 && nuls * 10 > head.len())
}

pub enum Contents {
    Script(Language, Vec<u8>),
    /// A large script without any marker, searched block by block and not
    /// kept. `binary` when its first block looks binary.
    Unmarked {
        binary: bool,
    },
    NotScript,
    TooLarge,
}

/// Reads a file if it is a shell or Python script of acceptable size. A
/// file whose extension names another format is not opened.
pub fn read_script(path: &Path, max_size: u64) -> std::io::Result<Contents> {
    if Language::is_other_format(path) {
        return Ok(Contents::NotScript);
    }
    let mut file = File::open(path)?;
    let size = file.metadata()?.len();
    // Bytes already read from the start of the file, to find a `#!` line.
    let (language, head) = match Language::from_extension(path) {
        Some(language) => (language, Vec::new()),
        None => {
            let mut head = Vec::with_capacity(SHEBANG_HEAD);
            file.by_ref()
                .take(SHEBANG_HEAD as u64)
                .read_to_end(&mut head)?;
            let Some(language) = Language::from_shebang(&head) else {
                return Ok(Contents::NotScript);
            };
            (language, head)
        }
    };
    if size > max_size {
        return Ok(Contents::TooLarge);
    }
    if size > STREAM_ABOVE {
        return read_large(file, language, head, max_size);
    }
    read_whole(file, language, head, size, max_size)
}

/// Reads a large script whole only when one of its blocks contains a
/// marker. `head` is the bytes already read from the start of the file.
fn read_large(
    mut file: File,
    language: Language,
    head: Vec<u8>,
    max_size: u64,
) -> io::Result<Contents> {
    match search_blocks(&mut file, head, max_size)? {
        BlockSearch::TooLarge => Ok(Contents::TooLarge),
        BlockSearch::Unmarked { binary } => Ok(Contents::Unmarked { binary }),
        BlockSearch::Candidate => {
            file.seek(SeekFrom::Start(0))?;
            read_whole(file, language, Vec::new(), STREAM_ABOVE, max_size)
        }
    }
}

enum BlockSearch {
    Unmarked {
        binary: bool,
    },
    /// A marker was found, or the file is UTF-16, whose markers can only
    /// be searched for after decoding.
    Candidate,
    /// The file grew past the size cap while it was searched.
    TooLarge,
}

/// Searches the file for markers one block at a time, keeping the end of
/// each block before the next so that a marker across two blocks is found.
/// Like [`read_whole`], it reads at most one byte past `max_size`, in case
/// the file grew since its size was taken.
fn search_blocks(file: &mut File, mut window: Vec<u8>, max_size: u64) -> io::Result<BlockSearch> {
    let overlap = prefilter::MAX_MARKER_LEN - 1;
    let mut first = true;
    let mut total = window.len() as u64;
    loop {
        let requested = BLOCK.saturating_sub(window.len()).max(1) as u64;
        let read = file.by_ref().take(requested).read_to_end(&mut window)?;
        total += read as u64;
        if total > max_size {
            return Ok(BlockSearch::TooLarge);
        }
        if first {
            first = false;
            if starts_with_utf16_bom(&window) {
                return Ok(BlockSearch::Candidate);
            }
            if looks_binary(&window) {
                return Ok(BlockSearch::Unmarked { binary: true });
            }
        }
        if prefilter::is_candidate(&window) {
            return Ok(BlockSearch::Candidate);
        }
        if read == 0 {
            return Ok(BlockSearch::Unmarked { binary: false });
        }
        let keep_from = window.len().saturating_sub(overlap);
        window.drain(..keep_from);
    }
}

/// Reads the rest of a script after `bytes`, the part already read.
fn read_whole(
    file: File,
    language: Language,
    mut bytes: Vec<u8>,
    size: u64,
    max_size: u64,
) -> io::Result<Contents> {
    let expected = usize::try_from(size.min(max_size)).unwrap_or(usize::MAX);
    bytes.reserve(expected.saturating_sub(bytes.len()));
    // Read at most one byte past the cap, in case the file grew since the
    // size was taken.
    let limit = max_size
        .saturating_add(1)
        .saturating_sub(bytes.len() as u64);
    file.take(limit).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_size {
        return Ok(Contents::TooLarge);
    }
    Ok(Contents::Script(language, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `bytes` to a script in a new folder and reads it back.
    fn read(bytes: &[u8]) -> Contents {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("table.py");
        std::fs::write(&path, bytes).expect("script written");
        read_script(&path, 8 << 20).expect("script read")
    }

    fn large(marker_at: Option<usize>) -> Vec<u8> {
        let mut bytes = b"ROWS = [\n".repeat(40_000);
        if let Some(at) = marker_at {
            bytes[at..at + 6].copy_from_slice(b"QUALYS");
        }
        bytes
    }

    #[test]
    fn large_script_without_marker_is_not_kept() {
        assert!(matches!(
            read(&large(None)),
            Contents::Unmarked { binary: false }
        ));
    }

    #[test]
    fn marker_across_blocks_is_found() {
        let size = large(None).len();
        for at in [BLOCK - 3, 2 * BLOCK - 8, size - 6] {
            match read(&large(Some(at))) {
                Contents::Script(Language::Python, bytes) => assert_eq!(bytes.len(), size),
                _ => panic!("marker at {at} not found"),
            }
        }
    }

    #[test]
    fn grown_script_is_too_large() {
        // The cap is below the file's size, as when the file grew after its
        // size was taken.
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("table.py");
        let bytes = large(None);
        std::fs::write(&path, &bytes).expect("script written");
        let file = File::open(&path).expect("script opened");
        let cap = bytes.len() as u64 - 1;
        let contents = read_large(file, Language::Python, Vec::new(), cap).expect("script read");
        assert!(matches!(contents, Contents::TooLarge));
    }

    #[test]
    fn largest_size_cap_reads_the_whole_script() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("add.sh");
        std::fs::write(&path, b"curl $H/msp/user.php\n").expect("script written");
        match read_script(&path, u64::MAX).expect("script read") {
            Contents::Script(_, bytes) => assert_eq!(bytes, b"curl $H/msp/user.php\n"),
            _ => panic!("script not read"),
        }
    }

    #[test]
    fn large_binary_is_told_from_its_first_block() {
        let mut bytes = vec![0u8; 300 * 1024];
        bytes.extend_from_slice(b"qualys");
        assert!(matches!(read(&bytes), Contents::Unmarked { binary: true }));
    }

    #[test]
    fn large_utf16_script_is_read_whole() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(large(None));
        assert!(matches!(read(&bytes), Contents::Script(..)));
    }
}
