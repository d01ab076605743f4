//! The default policies and model are embedded with `include_dir!`/`include_str!`; rebuild
//! when they change (stable Rust cannot track files read by a proc macro).
fn main() {
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=model");
}
