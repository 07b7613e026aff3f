//! Copying text to the user's clipboard through the terminal (OSC 52), which works over
//! SSH too: the app builds the sequence, the main loop writes it to the terminal.

use std::fmt;

/// What the terminal the app runs in can do with a clipboard sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Terminal {
    /// The terminal takes OSC 52 as it is.
    Direct,
    /// Inside tmux: the sequence is wrapped so that tmux passes it on to the terminal.
    Tmux,
    /// The clipboard cannot be reached this way.
    Unreachable(Why),
}

/// Why the clipboard cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// `TERM=dumb`: escape sequences would be shown as text.
    Dumb,
    /// The output is not a terminal (a pipe, a file, a test).
    NotATerminal,
    /// GNU screen passes no clipboard sequence on.
    Screen,
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Why::Dumb => "the terminal (TERM=dumb) has no clipboard",
            Why::NotATerminal => "the output is not a terminal",
            Why::Screen => "GNU screen does not pass the clipboard on",
        })
    }
}

impl Terminal {
    /// What the environment says: `term` is `$TERM`, `tmux` whether `$TMUX` is set,
    /// `screen` whether `$STY` is, `is_terminal` whether the output is a terminal.
    pub fn from_env(term: Option<&str>, tmux: bool, screen: bool, is_terminal: bool) -> Terminal {
        if !is_terminal {
            Terminal::Unreachable(Why::NotATerminal)
        } else if term == Some("dumb") {
            Terminal::Unreachable(Why::Dumb)
        } else if tmux {
            Terminal::Tmux
        } else if screen {
            Terminal::Unreachable(Why::Screen)
        } else {
            Terminal::Direct
        }
    }

    /// The terminal this process writes to.
    pub fn detect() -> Terminal {
        use std::io::IsTerminal;
        let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
        Terminal::from_env(
            std::env::var("TERM").ok().as_deref(),
            set("TMUX"),
            set("STY"),
            std::io::stdout().is_terminal(),
        )
    }
}

impl Default for Terminal {
    /// Until told otherwise (the app drawn off a terminal, as in tests): no clipboard.
    fn default() -> Terminal {
        Terminal::Unreachable(Why::NotATerminal)
    }
}

/// The bytes that put `text` on the clipboard of `terminal`:
/// `ESC ] 52 ; c ; <base64> BEL`, wrapped for tmux as
/// `ESC P tmux ; ESC ESC ] 52 ; c ; <base64> BEL ESC \`.
pub fn osc52(text: &str, terminal: &Terminal) -> Result<String, Why> {
    let encoded = base64(text.as_bytes());
    match terminal {
        Terminal::Direct => Ok(format!("\x1b]52;c;{encoded}\x07")),
        Terminal::Tmux => Ok(format!("\x1bPtmux;\x1b\x1b]52;c;{encoded}\x07\x1b\\")),
        Terminal::Unreachable(why) => Err(*why),
    }
}

/// Standard base64 (RFC 4648), padded.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 0x3f) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

/// The clipboard as the app holds it: the terminal it can reach, and the sequence waiting
/// for the main loop to write.
#[derive(Debug, Default)]
pub struct Clipboard {
    pub terminal: Terminal,
    pub pending: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        // Every sextet, the last two letters of the alphabet included.
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
        assert_eq!(base64("Émile ✔\n".as_bytes()), "w4ltaWxlIOKclAo=");
    }

    #[test]
    fn the_osc_52_sequence_carries_the_text_in_base64() {
        assert_eq!(
            osc52("Hi Dan", &Terminal::Direct),
            Ok("\x1b]52;c;SGkgRGFu\x07".to_string())
        );
    }

    #[test]
    fn inside_tmux_the_sequence_is_wrapped_for_passthrough() {
        assert_eq!(
            osc52("Hi Dan", &Terminal::Tmux),
            Ok("\x1bPtmux;\x1b\x1b]52;c;SGkgRGFu\x07\x1b\\".to_string())
        );
    }

    #[test]
    fn a_terminal_that_cannot_take_it_says_why() {
        let cases = [
            (
                Terminal::from_env(Some("dumb"), false, false, true),
                Why::Dumb,
            ),
            (
                Terminal::from_env(Some("xterm-256color"), false, false, false),
                Why::NotATerminal,
            ),
            (
                Terminal::from_env(Some("screen"), false, true, true),
                Why::Screen,
            ),
        ];
        for (terminal, why) in cases {
            assert_eq!(osc52("Hi", &terminal), Err(why));
        }
        assert!(Why::Dumb.to_string().contains("TERM=dumb"));
        assert_eq!(
            Terminal::from_env(Some("tmux-256color"), true, true, true),
            Terminal::Tmux,
            "tmux, the nearer multiplexer, is the one to wrap for"
        );
        assert_eq!(
            Terminal::from_env(Some("xterm-256color"), false, false, true),
            Terminal::Direct
        );
    }
}
