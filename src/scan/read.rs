//! Reading one file: deciding from its name or `#!` line whether it is a
//! script, and refusing files over the size cap before reading them.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::language::Language;

/// Bytes read to find a `#!` line in a file without a known extension.
pub const SHEBANG_HEAD: usize = 256;
/// Bytes searched for a NUL to tell a binary file.
pub const BINARY_HEAD: usize = 8192;

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
    let language = match Language::from_extension(path) {
        Some(language) => language,
        None => {
            let mut head = Vec::with_capacity(SHEBANG_HEAD);
            file.by_ref()
                .take(SHEBANG_HEAD as u64)
                .read_to_end(&mut head)?;
            let Some(language) = Language::from_shebang(&head) else {
                return Ok(Contents::NotScript);
            };
            if size > max_size {
                return Ok(Contents::TooLarge);
            }
            let mut bytes = head;
            file.read_to_end(&mut bytes)?;
            return Ok(Contents::Script(language, bytes));
        }
    };
    if size > max_size {
        return Ok(Contents::TooLarge);
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read at most one byte past the cap, in case the file grew since the
    // size was taken.
    file.take(max_size + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_size {
        return Ok(Contents::TooLarge);
    }
    Ok(Contents::Script(language, bytes))
}
