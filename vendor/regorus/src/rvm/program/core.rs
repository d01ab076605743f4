// Copyright (c) Microsoft Corporation.
// Licensed under the MIT License.

use alloc::format;
use alloc::string::{String, ToString as _};
use alloc::vec::Vec;
use anyhow::Result as AnyResult;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::metadata::ProgramMetadata;
use super::types::{BuiltinInfo, RuleInfo, SourceFile, SpanInfo};
use crate::builtins::BuiltinFcn;
use crate::rvm::instructions::InstructionData;
use crate::rvm::Instruction;
use crate::value::Value;

/// Complete compiled program containing all execution artifacts
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Program {
    /// Compiled bytecode instructions
    pub instructions: Vec<Instruction>,

    /// Literal value table (skipped in serde, serialized separately as JSON)
    #[serde(skip, default = "Vec::new")]
    pub literals: Vec<Value>,

    /// Complex instruction parameter data (for LoopStart, Call, etc.)
    pub instruction_data: InstructionData,

    /// Builtin function information table
    pub builtin_info_table: Vec<BuiltinInfo>,

    /// Entry points mapping with preserved insertion order (skipped in serde, serialized separately as JSON)
    #[serde(skip, default = "IndexMap::new")]
    pub entry_points: IndexMap<String, usize>,

    /// Source files table with content (skipped in serde, serialized separately as JSON)
    #[serde(skip, default = "Vec::new")]
    pub sources: Vec<SourceFile>,

    /// Rule metadata: rule_index -> rule information. rungs patch 16: not part of the derived
    /// serialization; `serialize_binary` writes it as a section of its own, one encoding per
    /// rule, decoded on first use when the program was loaded with `deserialize_binary_static`.
    #[serde(skip)]
    pub rule_infos: RuleInfos,

    /// Span information for each instruction (for debugging). rungs patch 11: not part of the
    /// derived serialization; `serialize_binary` writes the spans as a section of their own,
    /// which `deserialize_binary` keeps encoded in `encoded_spans` until a span is asked for.
    #[serde(skip)]
    pub instruction_spans: Vec<Option<SpanInfo>>,

    /// rungs patch 11: the encoded spans of a deserialized program, decoded on first use.
    #[serde(skip)]
    pub encoded_spans: EncodedSpans,

    /// Main program entry point
    pub main_entry_point: u32,

    /// Maximum register window size observed across all rule definitions
    pub max_rule_window_size: u8,

    /// Register window size needed for entry point dispatch
    pub dispatch_window_size: u8,

    /// Program metadata
    pub metadata: ProgramMetadata,

    /// Rule tree for efficient rule lookup (skipped in serde, serialized separately as JSON)
    /// Maps rule paths (e.g., "data.p1.r1") to rule indices
    /// Structure: {"p1": {"r1": rule_index}, "p2": {"p3": {"r2": rule_index}}}
    /// rungs patch 16: decoded on first use when the program was loaded with
    /// `deserialize_binary_static` (`RuleTree`).
    #[serde(skip)]
    pub rule_tree: RuleTree,

    /// Resolved builtins - actual builtin function values fetched from interpreter's builtin map
    /// This field is skipped during serialization and reinitialized after deserialization
    #[serde(skip)]
    pub resolved_builtins: Vec<BuiltinFcn>,

    /// Flag indicating that VirtualDataDocumentLookup instruction was used and runtime recursion checking is needed
    pub needs_runtime_recursion_check: bool,

    /// Flag indicating whether this program contains any HostAwait instruction.
    /// Clients can use this to decide whether suspendable execution mode is required.
    #[serde(default)]
    pub has_host_await: bool,

    /// Flag indicating that recompilation is needed due to partial deserialization failure
    /// This is set to true when the artifact section was successfully read but the extensible
    /// section failed to deserialize (e.g., due to version incompatibility)
    #[serde(default)]
    pub needs_recompilation: bool,

    /// Rego language version used for compilation (true for Rego v0, false for Rego v1)
    /// This must be preserved during recompilation to maintain policy semantics
    /// Serialized separately in the artifact section for guaranteed availability
    #[serde(skip, default)]
    pub rego_v0: bool,
}

impl Program {
    /// Current serialization format version
    pub const SERIALIZATION_VERSION: u32 = 6;
    /// Magic bytes to identify Regorus program files
    pub const MAGIC: [u8; 4] = *b"REGO";
    /// Maximum instructions supported (matches u16 jump targets)
    pub const MAX_INSTRUCTIONS: usize = 65_535; // u16::MAX
    /// Maximum literals supported (matches u16 literal indices)
    pub const MAX_LITERALS: usize = 65_535; // u16::MAX
    /// Generous cap for rules within a single policy bundle
    pub const MAX_RULES: usize = 4_000;
    /// Generous cap for exported entry points
    pub const MAX_ENTRY_POINTS: usize = 1_000;
    /// Generous cap for source/helper files
    pub const MAX_SOURCES: usize = 256;
    /// Generous cap for builtin declarations
    pub const MAX_BUILTINS: usize = 512;
    /// Maximum path depth for rule paths (e.g., data.a.b.c.d.rule)
    pub const MAX_PATH_DEPTH: usize = 32;

    /// Create a new empty program
    pub fn new() -> Self {
        Self {
            instructions: Vec::new(),
            literals: Vec::new(),
            instruction_data: InstructionData::new(),
            builtin_info_table: Vec::new(),
            entry_points: IndexMap::new(),
            sources: Vec::new(),
            rule_infos: RuleInfos::default(),
            instruction_spans: Vec::new(),
            encoded_spans: EncodedSpans::default(),
            main_entry_point: 0,
            max_rule_window_size: 0,
            dispatch_window_size: 0,
            metadata: ProgramMetadata {
                compiler_version: env!("CARGO_PKG_VERSION").to_string(),
                compiled_at: "unknown".to_string(),
                source_info: "unknown".to_string(),
                optimization_level: 0,
                language: String::new(),
                annotations: alloc::collections::BTreeMap::new(),
            },
            rule_tree: RuleTree::default(),
            resolved_builtins: Vec::new(),
            needs_runtime_recursion_check: false,
            has_host_await: false,
            needs_recompilation: false,
            rego_v0: false, // Default to Rego v1
        }
    }

    /// Validate that the program stays within supported bounds
    pub fn validate_limits(&self) -> Result<(), String> {
        if self.instructions.len() > Self::MAX_INSTRUCTIONS {
            return Err(format!(
                "Program exceeds max instructions ({} > {})",
                self.instructions.len(),
                Self::MAX_INSTRUCTIONS
            ));
        }

        if self.literals.len() > Self::MAX_LITERALS {
            return Err(format!(
                "Program exceeds max literals ({} > {})",
                self.literals.len(),
                Self::MAX_LITERALS
            ));
        }

        if self.rule_infos.len() > Self::MAX_RULES {
            return Err(format!(
                "Program exceeds max rules ({} > {})",
                self.rule_infos.len(),
                Self::MAX_RULES
            ));
        }

        if self.entry_points.len() > Self::MAX_ENTRY_POINTS {
            return Err(format!(
                "Program exceeds max entry points ({} > {})",
                self.entry_points.len(),
                Self::MAX_ENTRY_POINTS
            ));
        }

        if self.sources.len() > Self::MAX_SOURCES {
            return Err(format!(
                "Program exceeds max sources ({} > {})",
                self.sources.len(),
                Self::MAX_SOURCES
            ));
        }

        if self.builtin_info_table.len() > Self::MAX_BUILTINS {
            return Err(format!(
                "Program exceeds max builtins ({} > {})",
                self.builtin_info_table.len(),
                Self::MAX_BUILTINS
            ));
        }

        for params in &self.instruction_data.loop_params {
            let body_end = core::cmp::max(params.body_start, params.loop_end);
            if usize::from(body_end) > Self::MAX_INSTRUCTIONS {
                return Err("Loop offsets exceed supported instruction range".to_string());
            }
        }

        for params in &self.instruction_data.comprehension_begin_params {
            let body_end = core::cmp::max(params.body_start, params.comprehension_end);
            if usize::from(body_end) > Self::MAX_INSTRUCTIONS {
                return Err("Comprehension offsets exceed supported instruction range".to_string());
            }
        }

        for instr in &self.instructions {
            if let &crate::rvm::Instruction::LoopNext {
                body_start,
                loop_end,
            } = instr
            {
                let body_end = core::cmp::max(body_start, loop_end);
                if usize::from(body_end) > Self::MAX_INSTRUCTIONS {
                    return Err("LoopNext offsets exceed supported instruction range".to_string());
                }
            }
        }

        Ok(())
    }

    /// Add a source file and return its index
    pub fn add_source(&mut self, name: String, content: String) -> usize {
        let source_file = SourceFile::new(name.clone(), content);
        let index = self.sources.len();
        self.sources.push(source_file);
        index
    }

    /// Add loop parameters and return the index
    pub fn add_loop_params(&mut self, params: crate::rvm::instructions::LoopStartParams) -> u16 {
        self.instruction_data.add_loop_params(params)
    }

    /// Add comprehension begin parameters and return the index
    pub fn add_comprehension_begin_params(
        &mut self,
        params: crate::rvm::instructions::ComprehensionBeginParams,
    ) -> u16 {
        self.instruction_data.add_comprehension_begin_params(params)
    }

    /// Add builtin call parameters and return the index
    pub fn add_builtin_call_params(
        &mut self,
        params: crate::rvm::instructions::BuiltinCallParams,
    ) -> u16 {
        self.instruction_data.add_builtin_call_params(params)
    }

    /// Add function call parameters and return the index
    pub fn add_function_call_params(
        &mut self,
        params: crate::rvm::instructions::FunctionCallParams,
    ) -> u16 {
        self.instruction_data.add_function_call_params(params)
    }

    /// Add builtin info and return the index
    pub fn add_builtin_info(&mut self, builtin_info: BuiltinInfo) -> u16 {
        let index = self.builtin_info_table.len();
        self.builtin_info_table.push(builtin_info);
        u16::try_from(index).unwrap_or(u16::MAX)
    }

    /// Get builtin info by index
    pub fn get_builtin_info(&self, index: u16) -> Option<&BuiltinInfo> {
        self.builtin_info_table.get(usize::from(index))
    }

    /// Update loop parameters by index
    pub fn update_loop_params<F>(&mut self, params_index: u16, updater: F)
    where
        F: FnOnce(&mut crate::rvm::instructions::LoopStartParams),
    {
        if let Some(params) = self.instruction_data.get_loop_params_mut(params_index) {
            updater(params);
        }
    }

    /// Update comprehension begin parameters by index
    pub fn update_comprehension_begin_params<F>(&mut self, params_index: u16, updater: F)
    where
        F: FnOnce(&mut crate::rvm::instructions::ComprehensionBeginParams),
    {
        if let Some(params) = self
            .instruction_data
            .get_comprehension_begin_params_mut(params_index)
        {
            updater(params);
        }
    }

    /// Get detailed instruction display with parameter resolution
    pub fn display_instruction_with_params(&self, instruction: &Instruction) -> String {
        instruction.display_with_params(&self.instruction_data)
    }

    /// Add a source file directly and return its index
    pub fn add_source_file(&mut self, source_file: SourceFile) -> usize {
        for (i, existing) in self.sources.iter().enumerate() {
            if existing.name == source_file.name {
                return i;
            }
        }

        let index = self.sources.len();
        self.sources.push(source_file);
        index
    }

    /// Get source file by index
    pub fn get_source_file(&self, index: usize) -> Option<&SourceFile> {
        self.sources.get(index)
    }

    /// Get source content by index
    pub fn get_source(&self, index: usize) -> Option<&str> {
        self.sources.get(index).map(|s| s.content.as_str())
    }

    /// Get source name by index
    pub fn get_source_name(&self, index: usize) -> Option<&str> {
        self.sources.get(index).map(|s| s.name.as_str())
    }

    /// Get rule info by index
    pub fn get_rule_info(&self, rule_index: usize) -> Option<&RuleInfo> {
        self.rule_infos.get(rule_index)
    }

    /// Get span information for instruction
    pub fn get_instruction_span(&self, instruction_index: usize) -> Option<&SpanInfo> {
        self.spans()
            .get(instruction_index)
            .and_then(|span| span.as_ref())
    }

    /// rungs patch 11: the span of each instruction, decoded first if the program was
    /// deserialized.
    pub fn spans(&self) -> &[Option<SpanInfo>] {
        if self.instruction_spans.is_empty() {
            self.encoded_spans.decoded()
        } else {
            &self.instruction_spans
        }
    }

    /// Add instruction with optional span
    pub fn add_instruction(&mut self, instruction: Instruction, span: Option<SpanInfo>) {
        if matches!(instruction, Instruction::HostAwait { .. }) {
            self.has_host_await = true;
        }
        self.instructions.push(instruction);
        self.instruction_spans.push(span);
    }

    /// Recompute whether HostAwait is present by scanning instructions.
    pub fn recompute_host_await_presence(&mut self) {
        self.has_host_await = self
            .instructions
            .iter()
            .any(|instruction| matches!(instruction, Instruction::HostAwait { .. }));
    }

    /// Add literal value and return its index
    pub fn add_literal(&mut self, value: Value) -> usize {
        for (i, existing) in self.literals.iter().enumerate() {
            if existing == &value {
                return i;
            }
        }

        let index = self.literals.len();
        self.literals.push(value);
        index
    }

    /// Initialize resolved builtins directly from the BUILTINS HashMap
    /// This should be called after deserialization to populate the skipped field
    /// Returns an error if any required builtin is missing
    pub fn initialize_resolved_builtins(&mut self) -> AnyResult<()> {
        self.resolved_builtins.clear();
        self.resolved_builtins
            .reserve(self.builtin_info_table.len());

        for builtin_info in &self.builtin_info_table {
            if let Some(&builtin_fcn) = crate::builtins::BUILTINS.get(builtin_info.name.as_str()) {
                self.resolved_builtins.push(builtin_fcn);
            } else {
                return Err(anyhow::anyhow!(
                    "Missing builtin function: {}",
                    builtin_info.name
                ));
            }
        }

        Ok(())
    }

    /// Get resolved builtin function by index
    pub fn get_resolved_builtin(&self, index: u16) -> Option<&BuiltinFcn> {
        self.resolved_builtins.get(usize::from(index))
    }

    /// Check if resolved builtins are initialized
    pub fn has_resolved_builtins(&self) -> bool {
        !self.resolved_builtins.is_empty()
    }

    /// Add an entry point mapping from path to rule index
    pub fn add_entry_point(&mut self, path: String, rule_index: usize) {
        self.entry_points.insert(path, rule_index);
    }

    /// Get rule index for an entry point path
    pub fn get_entry_point(&self, path: &str) -> Option<usize> {
        self.entry_points.get(path).copied()
    }

    /// Get all entry points as IndexMap
    pub const fn get_entry_points(&self) -> &IndexMap<String, usize> {
        &self.entry_points
    }

    /// Check if recompilation is needed due to partial deserialization failure
    pub const fn needs_recompilation(&self) -> bool {
        self.needs_recompilation
    }

    /// Mark that recompilation is needed
    pub const fn set_needs_recompilation(&mut self, needs_recompilation: bool) {
        self.needs_recompilation = needs_recompilation;
    }

    /// Check if the program is fully functional (not needing recompilation)
    pub const fn is_fully_functional(&self) -> bool {
        !self.needs_recompilation
    }

    /// Check whether HostAwait instructions are present in this program.
    pub const fn has_host_await(&self) -> bool {
        self.has_host_await
    }
}

impl Default for Program {
    fn default() -> Self {
        Self::new()
    }
}

/// rungs patch 11: a deserialized program's instruction spans, as postcard encoded them.
/// Decoding them was a third of the work of loading a program, and a run needs them only to
/// locate an error.
#[derive(Default)]
pub struct EncodedSpans {
    bytes: alloc::borrow::Cow<'static, [u8]>,
    decoded: spin::Once<Vec<Option<SpanInfo>>>,
}

impl EncodedSpans {
    /// Spans encoded as `Vec<Option<SpanInfo>>` by postcard.
    pub fn new(bytes: Vec<u8>) -> Self {
        Self {
            bytes: alloc::borrow::Cow::Owned(bytes),
            decoded: spin::Once::new(),
        }
    }

    /// Spans encoded as `new` takes them, borrowed from a program embedded in the binary: a
    /// copy would fault in and fill as many fresh heap pages as the spans take.
    pub fn borrowed(bytes: &'static [u8]) -> Self {
        Self {
            bytes: alloc::borrow::Cow::Borrowed(bytes),
            decoded: spin::Once::new(),
        }
    }

    /// The encoded bytes (empty when the program was compiled, not deserialized).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The spans, decoded on the first call; none when the bytes do not decode.
    pub fn decoded(&self) -> &[Option<SpanInfo>] {
        self.decoded
            .call_once(|| postcard::from_bytes(&self.bytes).unwrap_or_default())
    }
}

impl Clone for EncodedSpans {
    fn clone(&self) -> Self {
        Self {
            bytes: self.bytes.clone(),
            decoded: spin::Once::new(),
        }
    }
}

impl core::fmt::Debug for EncodedSpans {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EncodedSpans")
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// rungs patch 16: a program's rule infos. Decoding all of them was a third of the work of
/// loading the AWS program (1,460 rules, several allocations each), and a scan calls the rules of
/// the policies that apply to its resources. Rules decoded eagerly (a compiled program, or
/// `deserialize_binary`) or one by one on first use (`deserialize_binary_static`, from the
/// section `encode` writes: a `u32` count, each rule's end offset as a `u32`, then each rule's
/// postcard encoding).
#[derive(Default)]
pub struct RuleInfos {
    slots: Vec<spin::Once<Option<alloc::boxed::Box<RuleInfo>>>>,
    encoded: alloc::borrow::Cow<'static, [u8]>,
}

impl RuleInfos {
    /// The section's rules, none decoded yet; an error when its table does not fit it.
    pub fn encoded(bytes: alloc::borrow::Cow<'static, [u8]>) -> Result<Self, String> {
        let count = Program::read_u32_as_usize(&bytes, 0)?;
        let table_end = count
            .checked_add(1)
            .and_then(|words| words.checked_mul(4))
            .ok_or("Rule infos count too large")?;
        if bytes.len() < table_end || count > Program::MAX_RULES {
            return Err("Rule infos section truncated".to_string());
        }
        let slots = (0..count).map(|_| spin::Once::new()).collect();
        Ok(Self {
            slots,
            encoded: bytes,
        })
    }

    /// Every rule decoded now; an error naming the first that does not decode.
    pub fn decode_all(&self) -> Result<(), String> {
        (0..self.len()).try_for_each(|index| {
            self.get(index)
                .map(|_| ())
                .ok_or_else(|| format!("Rule info {index} does not decode"))
        })
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Rule `index`, decoded on the first call; `None` when there is no such rule or its
    /// encoding does not decode.
    pub fn get(&self, index: usize) -> Option<&RuleInfo> {
        self.slots
            .get(index)?
            .call_once(|| self.decode(index).map(alloc::boxed::Box::new))
            .as_deref()
    }

    pub fn iter(&self) -> impl Iterator<Item = &RuleInfo> + '_ {
        (0..self.len()).filter_map(|index| self.get(index))
    }

    fn decode(&self, index: usize) -> Option<RuleInfo> {
        let header = index.checked_add(1)?.checked_mul(4)?;
        let data_start = self.len().checked_add(1)?.checked_mul(4)?;
        let start = match index {
            0 => 0,
            _ => Program::read_u32_as_usize(&self.encoded, header.checked_sub(4)?).ok()?,
        };
        let end = Program::read_u32_as_usize(&self.encoded, header).ok()?;
        let bytes = self
            .encoded
            .get(data_start.checked_add(start)?..data_start.checked_add(end)?)?;
        postcard::from_bytes(bytes).ok()
    }

    /// The section `encoded` reads: the bytes it was given when no rule was decoded since.
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        if !self.encoded.is_empty() && !self.slots.iter().any(spin::Once::is_completed) {
            return Ok(self.encoded.to_vec());
        }
        let count = u32::try_from(self.len()).map_err(|_| "Too many rule infos")?;
        let mut table = Vec::from(count.to_le_bytes());
        let mut data = Vec::new();
        for index in 0..self.len() {
            let info = self
                .get(index)
                .ok_or_else(|| format!("Rule info {index} does not decode"))?;
            data.extend(
                postcard::to_allocvec(info)
                    .map_err(|e| format!("Rule info serialization failed: {e}"))?,
            );
            let end = u32::try_from(data.len()).map_err(|_| "Rule infos too large")?;
            table.extend_from_slice(&end.to_le_bytes());
        }
        table.extend(data);
        Ok(table)
    }
}

impl From<Vec<RuleInfo>> for RuleInfos {
    fn from(infos: Vec<RuleInfo>) -> Self {
        Self {
            slots: infos
                .into_iter()
                .map(|info| spin::Once::initialized(Some(alloc::boxed::Box::new(info))))
                .collect(),
            encoded: alloc::borrow::Cow::Borrowed(&[]),
        }
    }
}

impl Clone for RuleInfos {
    fn clone(&self) -> Self {
        let slots = self
            .slots
            .iter()
            .map(|slot| match slot.get() {
                Some(info) => spin::Once::initialized(info.clone()),
                None => spin::Once::new(),
            })
            .collect();
        Self {
            slots,
            encoded: self.encoded.clone(),
        }
    }
}

impl core::fmt::Debug for RuleInfos {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for RuleInfos {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.decode_all().map_err(serde::ser::Error::custom)?;
        serializer.collect_seq(self.iter())
    }
}

/// rungs patch 16: a program's rule tree, decoded on first use when the program was loaded with
/// `deserialize_binary_static` (its section as `serialize_binary` wrote it). Only lookups of
/// virtual documents and data that is not empty read it: the AWS program's tree took an eighth
/// of its load, for programs that never read it.
pub struct RuleTree {
    value: spin::Once<Option<Value>>,
    encoded: alloc::borrow::Cow<'static, [u8]>,
}

impl RuleTree {
    /// The tree `serialize_binary` encoded, not decoded yet.
    pub fn encoded(bytes: &'static [u8]) -> Self {
        Self {
            value: spin::Once::new(),
            encoded: alloc::borrow::Cow::Borrowed(bytes),
        }
    }

    /// The tree, decoded on the first call; `None` when its encoding does not decode.
    pub fn get(&self) -> Option<&Value> {
        self.value
            .call_once(|| super::serialization::binary::decode_rule_tree(&self.encoded).ok())
            .as_ref()
    }

    /// The encoding `encoded` takes: the bytes it was given while the tree is not decoded.
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        match self.value.get() {
            None => Ok(self.encoded.to_vec()),
            Some(Some(value)) => super::serialization::binary::encode_rule_tree(value),
            Some(None) => Err("Rule tree does not decode".to_string()),
        }
    }

    /// The tree to change (a program being compiled); one that does not decode starts empty.
    pub fn get_mut(&mut self) -> &mut Value {
        self.get();
        let value = self.value.get_mut().expect("decoded by get");
        value.get_or_insert_with(Value::new_object)
    }
}

impl Default for RuleTree {
    fn default() -> Self {
        Value::new_object().into()
    }
}

impl From<Value> for RuleTree {
    fn from(value: Value) -> Self {
        Self {
            value: spin::Once::initialized(Some(value)),
            encoded: alloc::borrow::Cow::Borrowed(&[]),
        }
    }
}

impl Clone for RuleTree {
    fn clone(&self) -> Self {
        Self {
            value: self
                .value
                .get()
                .cloned()
                .map_or_else(spin::Once::new, spin::Once::initialized),
            encoded: self.encoded.clone(),
        }
    }
}

impl core::fmt::Debug for RuleTree {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.get().fmt(f)
    }
}
