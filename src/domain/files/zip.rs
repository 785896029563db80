//! A minimal ZIP writer (PKWARE APPNOTE 6.3): stored entries, no compression. The files
//! are a few kilobytes of text, and Windows Explorer opens stored archives natively.

use crate::domain::calendar::civil;

/// A local date and time for the entries, as the archive format keeps it (2-second steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl Stamp {
    /// The stamp of a local time, given as seconds since 1970 on the admin's clock.
    pub fn at(local_seconds: i64) -> Self {
        let (year, month, day, hour, minute, second) = civil(local_seconds);
        // Each part is within its range by construction; the year is clamped for the format.
        Stamp {
            year: year.clamp(1980, 2107) as u16,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
        }
    }

    fn dos(self) -> (u16, u16) {
        let date = ((self.year.clamp(1980, 2107) - 1980) << 9) | (u16::from(self.month) << 5) | u16::from(self.day);
        let time = (u16::from(self.hour) << 11) | (u16::from(self.minute) << 5) | u16::from(self.second / 2);
        (date, time)
    }
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// An archive of `(name, contents)` entries.
pub fn archive(entries: &[(String, Vec<u8>)], stamp: Stamp) -> Vec<u8> {
    let (date, time) = stamp.dos();
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        // Version 2.0, flag bit 11: names are UTF-8; method 0: stored.
        let common = |out: &mut Vec<u8>| {
            put16(out, 20);
            put16(out, 1 << 11);
            put16(out, 0);
            put16(out, time);
            put16(out, date);
            put32(out, crc32(data));
            put32(out, data.len() as u32);
            put32(out, data.len() as u32);
            put16(out, name.len() as u16);
            put16(out, 0);
        };
        put32(&mut out, 0x0403_4b50);
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut directory, 0x0201_4b50);
        put16(&mut directory, 20);
        common(&mut directory);
        put16(&mut directory, 0); // comment length
        put16(&mut directory, 0); // disk number
        put16(&mut directory, 0); // internal attributes
        put32(&mut directory, 0); // external attributes
        put32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&directory);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, directory.len() as u32);
    put32(&mut out, directory_offset);
    put16(&mut out, 0);
    out
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}
