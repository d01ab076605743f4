//! Evaluating Terraform expressions as far as they can be known without running Terraform.
//!
//! What is known: literals, variable values (defaults, tfvars, `--var`), locals, module outputs,
//! `path.*`, operators, conditionals, `for` expressions, templates and the common functions.
//! Everything else (resource and data source attributes, `count.index`, `each`, `self`, unknown
//! functions) evaluates to [`Val::Unknown`] holding the source text, so policies can tell unknown
//! from false and join resources by their references.

use super::budget;
use super::functions;
use super::value::Val;
use hcl::expr::{
    BinaryOperator, Conditional, Expression, ForExpr, FuncCall, Operation, TemplateExpr, Traversal,
    TraversalOperator, UnaryOperator,
};
use hcl::template::{Directive, Element, Strip, Template};
use hcl::{Body, ObjectKey, Structure};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Deepest expression nesting we evaluate; deeper input is reported unknown instead of
/// risking the stack.
const MAX_DEPTH: usize = 200;

/// Deepest nesting of evaluations on one thread, across local values, module outputs and
/// expressions: each frame holds a few KiB of stack, and the command runs on a 256 MiB stack
/// (an 8,000-long chain of locals needs 8,000). Deeper input is unknown and reported (R010).
pub const MAX_NESTING: usize = 10_000;

thread_local! {
    static NESTING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static TOO_DEEP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether an evaluation on this thread hit a depth cap since the last call; clears the mark.
pub fn take_too_deep() -> bool {
    TOO_DEEP.with(|t| t.replace(false))
}

/// Why an expression has no value (as opposed to an unknown one). `try` and `can` catch these.
pub type EvalError = String;

/// Iterator variables bound by `for` expressions, template `for` directives and `dynamic` blocks.
#[derive(Default)]
pub struct Bindings {
    vars: Vec<(String, Val)>,
    depth: usize,
}

impl Bindings {
    /// Bindings holding `vars` (a resource instance's `count` or `each`).
    pub fn of(vars: Vec<(String, Val)>) -> Self {
        Bindings { vars, depth: 0 }
    }

    fn lookup(&self, name: &str) -> Option<&Val> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    fn with<T>(&mut self, vars: Vec<(String, Val)>, f: impl FnOnce(&mut Self) -> T) -> T {
        let n = vars.len();
        self.vars.extend(vars);
        let out = f(self);
        self.vars.truncate(self.vars.len() - n);
        out
    }
}

enum ForStep {
    Skip,
    Unknown,
    Item(Option<Val>, Val),
}

enum LocalState {
    InProgress,
    Done(Rc<Val>),
}

/// The value a traversal starts from: borrowed where it lives, so `local.big["key"]` copies
/// only the part it reads.
enum Base<'x> {
    Borrowed(&'x Val),
    Shared(Rc<Val>),
    Owned(Val),
}

impl Base<'_> {
    fn get(&self) -> &Val {
        match self {
            Base::Borrowed(v) => v,
            Base::Shared(v) => v,
            Base::Owned(v) => v,
        }
    }
}

/// Everything a module's expressions can refer to.
pub struct Scope<'a> {
    pub vars: BTreeMap<String, Val>,
    locals: HashMap<String, &'a Expression>,
    local_values: RefCell<HashMap<String, LocalState>>,
    /// Locals being evaluated, innermost last, and the cycles found among them.
    local_stack: RefCell<Vec<String>>,
    cycles: RefCell<Vec<Vec<String>>>,
    /// `path.module`, `path.root`, `path.cwd`.
    paths: BTreeMap<String, Val>,
    /// Resolves `module.NAME` to that call's outputs, loading the module on first use.
    modules: &'a ModuleResolver<'a>,
}

/// Loads a module call by name, given the calling scope, and returns its outputs.
pub type ModuleResolver<'a> = dyn Fn(&Scope<'_>, &str) -> Option<Val> + 'a;

/// The text an unknown expression shows to policies.
pub fn render(expr: &Expression) -> String {
    match expr {
        Expression::TemplateExpr(t) => match t.as_ref() {
            TemplateExpr::QuotedString(s) => s.clone(),
            TemplateExpr::Heredoc(h) => h.template.clone(),
        },
        Expression::Parenthesis(inner) => render(inner),
        other => format!("${{{other}}}"),
    }
}

impl<'a> Scope<'a> {
    pub fn new(
        vars: BTreeMap<String, Val>,
        locals: HashMap<String, &'a Expression>,
        path_module: &str,
        path_root: &str,
        modules: &'a ModuleResolver<'a>,
    ) -> Self {
        let paths = [("module", path_module), ("root", path_root), ("cwd", ".")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), Val::String(v.to_string())))
            .collect();
        Scope {
            vars,
            locals,
            local_values: RefCell::new(HashMap::new()),
            local_stack: RefCell::new(Vec::new()),
            cycles: RefCell::new(Vec::new()),
            paths,
            modules,
        }
    }

    /// A scope with nothing in it: for variable defaults and tfvars, which must be constants.
    pub fn constant(modules: &'a ModuleResolver<'a>) -> Self {
        Scope::new(BTreeMap::new(), HashMap::new(), ".", ".", modules)
    }

    /// Evaluates an attribute value: what cannot be evaluated is unknown, never an error.
    pub fn eval_top(&self, expr: &Expression, b: &mut Bindings) -> Val {
        self.eval(expr, b)
            .unwrap_or_else(|_| Val::Unknown(render(expr)))
    }

    /// Evaluates a block body: attributes by name, nested blocks as lists of objects (one entry
    /// per block, never merged), `dynamic` blocks expanded when their `for_each` is known.
    pub fn eval_body(&self, body: &Body, b: &mut Bindings) -> BTreeMap<String, Val> {
        self.eval_body_except(body, b, &[])
    }

    /// [`Scope::eval_body`] leaving out the attributes named in `skip` (meta-arguments already
    /// evaluated once for all instances).
    pub fn eval_body_except(
        &self,
        body: &Body,
        b: &mut Bindings,
        skip: &[&str],
    ) -> BTreeMap<String, Val> {
        let mut out = BTreeMap::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) if skip.contains(&attr.key.as_str()) => {}
                Structure::Attribute(attr) => {
                    out.insert(attr.key.to_string(), self.eval_top(&attr.expr, b));
                }
                Structure::Block(block) if block.identifier.as_str() == "dynamic" => {
                    let Some(label) = block.labels.first() else {
                        continue;
                    };
                    let items = self.expand_dynamic(&block.body, label.as_str(), b);
                    push_blocks(&mut out, label.as_str(), items);
                }
                Structure::Block(block) => {
                    let mut object = self.eval_body(&block.body, b);
                    if !block.labels.is_empty() {
                        let labels = block
                            .labels
                            .iter()
                            .map(|l| Val::String(l.as_str().to_string()))
                            .collect();
                        object.insert("_labels".into(), Val::List(labels));
                    }
                    push_blocks(
                        &mut out,
                        block.identifier.as_str(),
                        vec![Val::Object(object)],
                    );
                }
            }
        }
        out
    }

    fn expand_dynamic(&self, body: &Body, label: &str, b: &mut Bindings) -> Vec<Val> {
        let attr = |name: &str| body.attributes().find(|a| a.key.as_str() == name);
        let iterator = attr("iterator")
            .and_then(|a| match &a.expr {
                Expression::Variable(v) => Some(v.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| label.to_string());
        let Some(content) = body
            .blocks()
            .find(|blk| blk.identifier.as_str() == "content")
        else {
            return Vec::new();
        };
        let collection = attr("for_each")
            .map(|a| self.eval_top(&a.expr, b))
            .unwrap_or(Val::Null);
        // Each block counts as a step; past the budget the collection is as good as unknown.
        let len = match &collection {
            Val::List(items) => items.len(),
            Val::Object(map) => map.len(),
            _ => 0,
        };
        let collection = match budget::charge(len.saturating_mul(budget::VALUE_OVERHEAD)) {
            Ok(()) => collection,
            Err(_) => Val::Unknown(
                attr("for_each")
                    .map(|a| render(&a.expr))
                    .unwrap_or_default(),
            ),
        };
        let entries: Vec<(Val, Val)> = match collection {
            Val::Null => Vec::new(),
            c @ (Val::List(_) | Val::Object(_)) => entries(c).unwrap_or_default(),
            // Unknown collection: keep one block with an unknown iterator, so known arguments
            // in `content` can still be judged and the rest shows as unknown text. The block is
            // marked with `_for_each`, since it may stand for no block at all.
            unknown_collection => {
                let iterator_value = Val::Unknown(format!("${{{iterator}}}"));
                let mut object = b.with(vec![(iterator, iterator_value)], |b| {
                    self.eval_body(&content.body, b)
                });
                let text = match unknown_collection {
                    Val::Unknown(text) => text,
                    other => format!("{other:?}"),
                };
                object.insert("_for_each".into(), Val::Unknown(text));
                return vec![Val::Object(object)];
            }
        };
        entries
            .into_iter()
            .map(|(key, value)| {
                let it = Val::Object(BTreeMap::from([
                    ("key".to_string(), key),
                    ("value".to_string(), value),
                ]));
                b.with(vec![(iterator.clone(), it)], |b| {
                    Val::Object(self.eval_body(&content.body, b))
                })
            })
            .collect()
    }

    pub fn eval(&self, expr: &Expression, b: &mut Bindings) -> Result<Val, EvalError> {
        let nesting = NESTING.with(|n| n.get());
        if b.depth >= MAX_DEPTH || nesting >= MAX_NESTING {
            TOO_DEEP.with(|t| t.set(true));
            budget::count_error();
            return Err("expression nested too deeply".into());
        }
        b.depth += 1;
        NESTING.with(|n| n.set(nesting + 1));
        let out = self.eval_inner(expr, b);
        NESTING.with(|n| n.set(nesting));
        b.depth -= 1;
        let value = out?;
        // Every step counts, even one that produces nothing new; a value built from others is
        // measured whole (a lookup copies it, a function or template makes it).
        match &value {
            Val::Null | Val::Bool(_) | Val::Number(_) => budget::charge(budget::VALUE_OVERHEAD)?,
            v => budget::charge_value(v)?,
        }
        Ok(value)
    }

    fn eval_inner(&self, expr: &Expression, b: &mut Bindings) -> Result<Val, EvalError> {
        Ok(match expr {
            Expression::Null => Val::Null,
            Expression::Bool(v) => Val::Bool(*v),
            Expression::Number(n) => Val::Number(n.as_f64().unwrap_or(f64::NAN)),
            Expression::String(s) => Val::String(s.clone()),
            Expression::Array(items) => Val::List(
                items
                    .iter()
                    .map(|e| self.eval(e, b))
                    .collect::<Result<_, _>>()?,
            ),
            Expression::Object(object) => {
                let mut map = BTreeMap::new();
                for (key, value) in object {
                    let key = match key {
                        ObjectKey::Identifier(id) => id.to_string(),
                        ObjectKey::Expression(e) => match self.eval(e, b)? {
                            Val::Unknown(_) => return Ok(Val::Unknown(render(expr))),
                            k => k.to_tf_string().ok_or("object key must be a string")?,
                        },
                        _ => return Err("unsupported object key".into()),
                    };
                    map.insert(key, self.eval(value, b)?);
                }
                Val::Object(map)
            }
            Expression::TemplateExpr(t) => self.eval_template(t, expr, b)?,
            Expression::Variable(v) => match b.lookup(v.as_str()) {
                Some(val) => val.clone(),
                None => Val::Unknown(render(expr)),
            },
            Expression::Traversal(t) => self.eval_traversal(t, expr, b)?,
            Expression::FuncCall(call) => self.eval_call(call, expr, b)?,
            Expression::Parenthesis(inner) => self.eval(inner, b)?,
            Expression::Conditional(c) => self.eval_conditional(c, expr, b)?,
            Expression::Operation(op) => self.eval_operation(op, expr, b)?,
            Expression::ForExpr(f) => self.eval_for(f, expr, b)?,
            _ => return Err("unsupported expression".into()),
        })
    }

    fn eval_traversal(
        &self,
        t: &Traversal,
        whole: &Expression,
        b: &mut Bindings,
    ) -> Result<Val, EvalError> {
        let unknown = || Ok(Val::Unknown(render(whole)));
        let mut ops = t.operators.iter();
        // Variables, locals, module outputs and iterators hand over an unknown value with its
        // own text, so the reference behind them stays joinable (a module input keeps the
        // caller's reference, an output the module's resource); anything else unknown shows
        // this traversal's text.
        let passthrough = match &t.expr {
            Expression::Variable(v) => {
                matches!(v.as_str(), "var" | "local" | "module") || b.lookup(v.as_str()).is_some()
            }
            _ => false,
        };
        let named = match &t.expr {
            Expression::Variable(v) if b.lookup(v.as_str()).is_some() => None,
            Expression::Variable(v) => {
                let Some(TraversalOperator::GetAttr(name)) = ops.next() else {
                    return unknown();
                };
                let named = match v.as_str() {
                    "var" => self.vars.get(name.as_str()).map(Base::Borrowed),
                    "local" => Some(Base::Shared(self.local(name.as_str())?)),
                    "module" => match (self.modules)(self, name.as_str()) {
                        Some(outputs) => {
                            // The resolver hands out a copy of all the outputs: charge it.
                            let cap = budget::limits().max_total;
                            budget::charge(budget::size(&outputs, cap))?;
                            Some(Base::Owned(outputs))
                        }
                        None => None,
                    },
                    "path" => self.paths.get(name.as_str()).map(Base::Borrowed),
                    // Resources, data sources, count, each, self, terraform: known only at apply.
                    // Known index keys are written out (`aws_s3_bucket.b[each.key]` becomes
                    // `aws_s3_bucket.b["logs"]`), so a reference names its instance.
                    _ => {
                        let mut text = format!("${{{}.{name}", v.as_str());
                        render_ops(&t.operators[1..], self, b, &mut text);
                        text.push('}');
                        return Ok(Val::Unknown(text));
                    }
                };
                match named {
                    Some(val) => Some(val),
                    None => return unknown(),
                }
            }
            other => Some(Base::Owned(self.eval(other, b)?)),
        };
        let ops: Vec<&TraversalOperator> = ops.collect();
        // Attribute and index steps up to the first splat are taken on the borrowed value;
        // their keys are evaluated first, so the iterator bindings can stay borrowed.
        let lead = ops
            .iter()
            .take_while(|op| {
                !matches!(
                    op,
                    TraversalOperator::AttrSplat | TraversalOperator::FullSplat
                )
            })
            .count();
        let mut keys = Vec::with_capacity(lead);
        for op in &ops[..lead] {
            keys.push(match op {
                TraversalOperator::Index(e) => Some(self.eval(e, b)),
                _ => None,
            });
        }
        let base = match &named {
            Some(base) => base.get(),
            None => match &t.expr {
                Expression::Variable(v) => b.lookup(v.as_str()).unwrap_or(&Val::Null),
                _ => &Val::Null,
            },
        };
        let mut reached = base;
        let mut i = 0;
        while i < lead && !reached.is_unknown() {
            reached = match (ops[i], keys[i].take()) {
                (TraversalOperator::GetAttr(name), _) => get_attr(reached, name.as_str())?,
                (TraversalOperator::LegacyIndex(n), _) => index(reached, &Val::Number(*n as f64))?,
                (_, Some(key)) => {
                    let key = key?;
                    if key.is_unknown() {
                        return unknown();
                    }
                    index(reached, &key)?
                }
                _ => unreachable!("only attribute and index steps lead"),
            };
            i += 1;
        }
        let mut current = reached.clone();
        drop(named);
        while i < ops.len() {
            if current.is_unknown() {
                // `local.bucket.arn` with `local.bucket = aws_s3_bucket.b` reads
                // `${aws_s3_bucket.b.arn}`: the rest of the traversal extends the reference.
                if let (true, Val::Unknown(text)) = (passthrough, &current) {
                    if let Some(inner) = single_interpolation(text) {
                        let mut out = format!("${{{inner}");
                        let rest: Vec<TraversalOperator> =
                            ops[i..].iter().map(|op| (*op).clone()).collect();
                        render_ops(&rest, self, b, &mut out);
                        out.push('}');
                        return Ok(Val::Unknown(out));
                    }
                }
                return unknown();
            }
            match ops[i] {
                TraversalOperator::GetAttr(_)
                | TraversalOperator::Index(_)
                | TraversalOperator::LegacyIndex(_) => {
                    unreachable!("steps before the first splat were taken above")
                }
                TraversalOperator::AttrSplat | TraversalOperator::FullSplat => {
                    let full = matches!(ops[i], TraversalOperator::FullSplat);
                    let items = match current {
                        Val::List(items) => items,
                        Val::Null => Vec::new(),
                        other => vec![other],
                    };
                    let rest: Vec<&TraversalOperator> = ops[i + 1..]
                        .iter()
                        .take_while(|op| full || matches!(op, TraversalOperator::GetAttr(_)))
                        .copied()
                        .collect();
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        let mut v = item;
                        for op in &rest {
                            if v.is_unknown() {
                                return unknown();
                            }
                            v = match op {
                                TraversalOperator::GetAttr(name) => {
                                    get_attr(&v, name.as_str())?.clone()
                                }
                                TraversalOperator::Index(e) => {
                                    let key = self.eval(e, b)?;
                                    if key.is_unknown() {
                                        return unknown();
                                    }
                                    index(&v, &key)?.clone()
                                }
                                TraversalOperator::LegacyIndex(n) => {
                                    index(&v, &Val::Number(*n as f64))?.clone()
                                }
                                _ => return Err("nested splat is not supported".into()),
                            };
                        }
                        out.push(v);
                    }
                    current = Val::List(out);
                    i += rest.len();
                }
            }
            i += 1;
        }
        if current.is_unknown() && !passthrough {
            return unknown();
        }
        Ok(current)
    }

    fn local(&self, name: &str) -> Result<Rc<Val>, EvalError> {
        match self.local_values.borrow().get(name) {
            Some(LocalState::Done(v)) => return Ok(v.clone()),
            Some(LocalState::InProgress) => {
                self.record_cycle(name);
                return Err(format!("local.{name} refers to itself"));
            }
            None => {}
        }
        let expr = *self
            .locals
            .get(name)
            .ok_or_else(|| format!("no local value named {name}"))?;
        self.local_values
            .borrow_mut()
            .insert(name.to_string(), LocalState::InProgress);
        self.local_stack.borrow_mut().push(name.to_string());
        let value = Rc::new(self.eval_top(expr, &mut Bindings::default()));
        self.local_stack.borrow_mut().pop();
        self.local_values
            .borrow_mut()
            .insert(name.to_string(), LocalState::Done(value.clone()));
        Ok(value)
    }

    /// Records the cycle `name` closes: the locals from its evaluation to here, starting at the
    /// smallest name so the same cycle reads the same from wherever it was entered.
    fn record_cycle(&self, name: &str) {
        let stack = self.local_stack.borrow();
        let Some(start) = stack.iter().position(|n| n == name) else {
            return;
        };
        let mut cycle: Vec<String> = stack[start..].to_vec();
        let smallest = (0..cycle.len()).min_by_key(|&i| &cycle[i]).unwrap_or(0);
        cycle.rotate_left(smallest);
        let mut cycles = self.cycles.borrow_mut();
        if !cycles.contains(&cycle) {
            cycles.push(cycle);
        }
    }

    /// The cycles among local values found so far, each as the names in reference order.
    pub fn take_cycles(&self) -> Vec<Vec<String>> {
        std::mem::take(&mut self.cycles.borrow_mut())
    }

    fn eval_call(
        &self,
        call: &FuncCall,
        whole: &Expression,
        b: &mut Bindings,
    ) -> Result<Val, EvalError> {
        let name = call.name.name.as_str();
        if call.name.is_namespaced() {
            return Ok(Val::Unknown(render(whole)));
        }
        match name {
            "try" => {
                let mut last = String::from("try needs at least one argument");
                for arg in &call.args {
                    let limits_hit = budget::errors();
                    match self.eval(arg, b) {
                        Ok(v) => return Ok(v),
                        // A limit is not a failure Terraform would have seen: no fallback.
                        Err(e) if budget::errors() != limits_hit => return Err(e),
                        Err(e) => last = e,
                    }
                }
                return Err(last);
            }
            "can" => {
                let [arg] = call.args.as_slice() else {
                    return Err("can takes exactly one argument".into());
                };
                let limits_hit = budget::errors();
                return Ok(match self.eval(arg, b) {
                    Ok(v) if v.contains_unknown() => Val::Unknown(render(whole)),
                    Ok(_) => Val::Bool(true),
                    Err(e) if budget::errors() != limits_hit => return Err(e),
                    Err(_) => Val::Bool(false),
                });
            }
            _ => {}
        }
        if !functions::is_known(name) {
            return Ok(Val::Unknown(render(whole)));
        }
        let mut args = Vec::with_capacity(call.args.len());
        for arg in &call.args {
            args.push(self.eval(arg, b)?);
        }
        if call.expand_final {
            match args.pop() {
                Some(Val::List(rest)) => args.extend(rest),
                Some(Val::Unknown(_)) => return Ok(Val::Unknown(render(whole))),
                _ => return Err("the final argument must be a list to expand".into()),
            }
        }
        if args.iter().any(Val::is_unknown) {
            return Ok(Val::Unknown(render(whole)));
        }
        if args.iter().any(Val::contains_unknown) {
            // Functions that only move values around keep unknown parts as they are; encoders
            // write them as their text; anything else is unknown as a whole.
            match name {
                "merge" | "concat" | "length" | "tolist" | "tomap" | "lookup" | "element"
                | "coalesce" | "compact" | "reverse" | "slice" | "zipmap" | "values" | "keys" => {}
                "jsonencode" | "yamlencode" => {
                    args = args.into_iter().map(unknown_as_text).collect()
                }
                _ => return Ok(Val::Unknown(render(whole))),
            }
            return Ok(functions::call(name, args).unwrap_or_else(|_| Val::Unknown(render(whole))));
        }
        functions::call(name, args)
    }

    fn eval_conditional(
        &self,
        c: &Conditional,
        whole: &Expression,
        b: &mut Bindings,
    ) -> Result<Val, EvalError> {
        match self.eval(&c.cond_expr, b)? {
            Val::Unknown(_) => Ok(Val::Unknown(render(whole))),
            cond => match cond.to_tf_bool() {
                Some(true) => self.eval(&c.true_expr, b),
                Some(false) => self.eval(&c.false_expr, b),
                None => Err(format!("condition must be bool, got {}", cond.type_name())),
            },
        }
    }

    fn eval_operation(
        &self,
        op: &Operation,
        whole: &Expression,
        b: &mut Bindings,
    ) -> Result<Val, EvalError> {
        match op {
            Operation::Unary(u) => {
                let v = self.eval(&u.expr, b)?;
                if v.is_unknown() {
                    return Ok(Val::Unknown(render(whole)));
                }
                match u.operator {
                    UnaryOperator::Not => v
                        .to_tf_bool()
                        .map(|x| Val::Bool(!x))
                        .ok_or_else(|| "! needs a bool".into()),
                    UnaryOperator::Neg => v
                        .to_tf_number()
                        .map(|x| Val::Number(-x))
                        .ok_or_else(|| "- needs a number".into()),
                }
            }
            Operation::Binary(bin) => {
                let lhs = self.eval(&bin.lhs_expr, b)?;
                let rhs = self.eval(&bin.rhs_expr, b)?;
                if lhs.contains_unknown() || rhs.contains_unknown() {
                    return Ok(Val::Unknown(render(whole)));
                }
                binary(bin.operator, lhs, rhs)
            }
        }
    }

    fn eval_for(
        &self,
        f: &ForExpr,
        whole: &Expression,
        b: &mut Bindings,
    ) -> Result<Val, EvalError> {
        let entries = match self.eval(&f.collection_expr, b)? {
            Val::Unknown(_) => return Ok(Val::Unknown(render(whole))),
            other => entries(other)?,
        };
        let mut list = Vec::new();
        let mut object: BTreeMap<String, Val> = BTreeMap::new();
        let cap = budget::limits().max_value.saturating_add(1);
        let mut built = 0usize;
        for (key, value) in entries {
            budget::charge(budget::VALUE_OVERHEAD)?;
            let mut vars = vec![(f.value_var.to_string(), value)];
            if let Some(k) = &f.key_var {
                vars.insert(0, (k.to_string(), key));
            }
            let step = b.with(vars, |b| -> Result<ForStep, EvalError> {
                if let Some(cond) = &f.cond_expr {
                    match self.eval(cond, b)? {
                        Val::Unknown(_) => return Ok(ForStep::Unknown),
                        c => match c.to_tf_bool() {
                            Some(false) => return Ok(ForStep::Skip),
                            Some(true) => {}
                            None => {
                                return Err(format!(
                                    "for condition must be bool, got {}",
                                    c.type_name()
                                ))
                            }
                        },
                    }
                }
                let k = match &f.key_expr {
                    Some(e) => Some(self.eval(e, b)?),
                    None => None,
                };
                Ok(ForStep::Item(k, self.eval(&f.value_expr, b)?))
            })?;
            let (key, value) = match step {
                ForStep::Skip => continue,
                ForStep::Unknown => return Ok(Val::Unknown(render(whole))),
                ForStep::Item(k, v) => (k, v),
            };
            built = built.saturating_add(budget::size(&value, cap));
            budget::check_len(built)?;
            match key {
                None => list.push(value),
                Some(Val::Unknown(_)) => return Ok(Val::Unknown(render(whole))),
                Some(k) => {
                    let k = k.to_tf_string().ok_or("for key must be a string")?;
                    if f.grouping {
                        match object.entry(k).or_insert_with(|| Val::List(Vec::new())) {
                            Val::List(items) => items.push(value),
                            _ => unreachable!("grouping entries are lists"),
                        }
                    } else if object.insert(k.clone(), value).is_some() {
                        return Err(format!("duplicate key {k:?} in for expression"));
                    }
                }
            }
        }
        Ok(if f.key_expr.is_some() {
            Val::Object(object)
        } else {
            Val::List(list)
        })
    }

    fn eval_template(
        &self,
        t: &TemplateExpr,
        whole: &Expression,
        b: &mut Bindings,
    ) -> Result<Val, EvalError> {
        let parsed = parsed_template(t);
        let template = match parsed.as_ref() {
            Ok(template) => template,
            Err(e) => return Err(e.clone()),
        };
        // `"${x}"` is x itself, whatever its type (Terraform does the same).
        if let [Element::Interpolation(i)] = template.elements() {
            return self.eval(&i.expr, b);
        }
        let mut out = String::new();
        let mut partial = false;
        match self.render_template(template, b, &mut out, &mut partial)? {
            true if partial => Ok(Val::Unknown(out)),
            true => Ok(Val::String(out)),
            false => Ok(Val::Unknown(render(whole))),
        }
    }

    /// Appends the template's text to `out`. An unknown interpolation is written as its text
    /// (so `"arn:${local.bucket}/*"` keeps the reference behind the local) and sets `partial`;
    /// returns false when an unknown directive condition or collection leaves the text unknown.
    fn render_template(
        &self,
        template: &Template,
        b: &mut Bindings,
        out: &mut String,
        partial: &mut bool,
    ) -> Result<bool, EvalError> {
        let mut strip_next = false;
        for element in template.elements() {
            match element {
                Element::Literal(s) => {
                    out.push_str(if strip_next { s.trim_start() } else { s });
                    strip_next = false;
                    budget::check_len(out.len())?;
                }
                Element::Interpolation(i) => {
                    strip(out, i.strip, &mut strip_next);
                    let v = self.eval(&i.expr, b)?;
                    if let Val::Unknown(text) = &v {
                        out.push_str(text);
                        *partial = true;
                        budget::check_len(out.len())?;
                        continue;
                    }
                    let s = v
                        .to_tf_string()
                        .ok_or_else(|| format!("cannot interpolate a {}", v.type_name()))?;
                    out.push_str(&s);
                    budget::check_len(out.len())?;
                }
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(d) => {
                        strip(out, d.if_strip, &mut strip_next);
                        let cond = self.eval(&d.cond_expr, b)?;
                        if cond.is_unknown() {
                            return Ok(false);
                        }
                        let branch = match cond.to_tf_bool() {
                            Some(true) => Some(&d.true_template),
                            Some(false) => d.false_template.as_ref(),
                            None => return Err("template if needs a bool".into()),
                        };
                        if let Some(branch) = branch {
                            if !self.render_template(branch, b, out, partial)? {
                                return Ok(false);
                            }
                        }
                        strip(out, d.endif_strip, &mut strip_next);
                    }
                    Directive::For(d) => {
                        strip(out, d.for_strip, &mut strip_next);
                        let entries = match self.eval(&d.collection_expr, b)? {
                            Val::Unknown(_) => return Ok(false),
                            other => entries(other)?,
                        };
                        for (key, value) in entries {
                            budget::charge(budget::VALUE_OVERHEAD)?;
                            let mut vars = vec![(d.value_var.to_string(), value)];
                            if let Some(k) = &d.key_var {
                                vars.push((k.to_string(), key));
                            }
                            if !b.with(vars, |b| {
                                self.render_template(&d.template, b, out, partial)
                            })? {
                                return Ok(false);
                            }
                        }
                        strip(out, d.endfor_strip, &mut strip_next);
                    }
                },
            }
        }
        Ok(true)
    }
}

/// The expression of a text that is exactly one interpolation (`${aws_s3_bucket.b}`).
fn single_interpolation(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("${")?.strip_suffix('}')?;
    (!inner.contains('{') && !inner.contains('}')).then_some(inner)
}

/// Appends traversal operators as source text; index keys that evaluate to a known number or
/// string are written as that literal.
fn render_ops(ops: &[TraversalOperator], scope: &Scope<'_>, b: &mut Bindings, out: &mut String) {
    for op in ops {
        match op {
            TraversalOperator::GetAttr(name) => {
                out.push('.');
                out.push_str(name.as_str());
            }
            TraversalOperator::Index(e) => {
                out.push('[');
                match scope.eval(e, b) {
                    Ok(key @ (Val::Number(_) | Val::String(_))) => {
                        out.push_str(&index_literal(&key))
                    }
                    _ => out.push_str(&e.to_string()),
                }
                out.push(']');
            }
            TraversalOperator::LegacyIndex(n) => out.push_str(&format!(".{n}")),
            TraversalOperator::AttrSplat => out.push_str(".*"),
            TraversalOperator::FullSplat => out.push_str("[*]"),
        }
    }
}

/// An instance key as Terraform writes it in addresses: `0`, `"key"`.
pub fn index_literal(key: &Val) -> String {
    match key {
        Val::String(s) => serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}")),
        other => other.to_tf_string().unwrap_or_default(),
    }
}

/// Applies a `~` strip marker: trims what came before and/or flags what comes next.
fn strip(out: &mut String, strip: Strip, strip_next: &mut bool) {
    if matches!(strip, Strip::Start | Strip::Both) {
        let len = out.trim_end().len();
        out.truncate(len);
    }
    *strip_next = matches!(strip, Strip::End | Strip::Both);
}

/// A template's parse, or the parser's message.
type ParsedTemplate = Rc<Result<Template, String>>;

/// Most templates kept parsed per thread; then the cache starts over.
const MAX_PARSED_TEMPLATES: usize = 4096;

thread_local! {
    /// Templates parsed from their text: the same template is evaluated once per module call,
    /// `count` and `for_each` instance, and parsing it each time was a fifth of evaluating a
    /// root. A text's parse depends on nothing else (an indented heredoc's text has its
    /// indentation stripped by the parser already).
    static PARSED_TEMPLATES: RefCell<HashMap<String, ParsedTemplate>> = RefCell::default();
}

/// The parsed template of `t`.
fn parsed_template(t: &TemplateExpr) -> ParsedTemplate {
    let text = match t {
        TemplateExpr::QuotedString(s) => s.as_str(),
        TemplateExpr::Heredoc(h) => h.template.as_str(),
    };
    PARSED_TEMPLATES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(parsed) = cache.get(text) {
            return Rc::clone(parsed);
        }
        let parsed = Rc::new(Template::from_expr(t).map_err(|e| e.to_string()));
        if cache.len() >= MAX_PARSED_TEMPLATES {
            cache.clear();
        }
        cache.insert(text.to_string(), Rc::clone(&parsed));
        parsed
    })
}

/// The (key, value) pairs a `for` or `dynamic` iterates: list indexes or object keys.
fn entries(collection: Val) -> Result<Vec<(Val, Val)>, EvalError> {
    match collection {
        Val::List(items) => Ok(items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (Val::Number(i as f64), v))
            .collect()),
        Val::Object(map) => Ok(map.into_iter().map(|(k, v)| (Val::String(k), v)).collect()),
        other => Err(format!("cannot iterate over {}", other.type_name())),
    }
}

fn push_blocks(out: &mut BTreeMap<String, Val>, name: &str, blocks: Vec<Val>) {
    match out
        .entry(name.to_string())
        .or_insert_with(|| Val::List(Vec::new()))
    {
        Val::List(items) => items.extend(blocks),
        // An attribute of the same name came first; blocks are kept beside it, not merged.
        _ => {
            out.insert(format!("{name}_blocks"), Val::List(blocks));
        }
    }
}

fn unknown_as_text(v: Val) -> Val {
    match v {
        Val::Unknown(text) => Val::String(text),
        Val::List(items) => Val::List(items.into_iter().map(unknown_as_text).collect()),
        Val::Object(map) => Val::Object(
            map.into_iter()
                .map(|(k, v)| (k, unknown_as_text(v)))
                .collect(),
        ),
        other => other,
    }
}

fn get_attr<'v>(v: &'v Val, name: &str) -> Result<&'v Val, EvalError> {
    match v {
        Val::Object(map) => map
            .get(name)
            .ok_or_else(|| format!("object has no attribute {name:?}")),
        other => Err(format!(
            "cannot read attribute {name:?} of a {}",
            other.type_name()
        )),
    }
}

fn index<'v>(v: &'v Val, key: &Val) -> Result<&'v Val, EvalError> {
    match v {
        Val::List(items) => {
            let i = key.to_tf_number().ok_or("list index must be a number")?;
            if i < 0.0 || i.fract() != 0.0 || i as usize >= items.len() {
                return Err(format!(
                    "index {i} out of range for a list of {}",
                    items.len()
                ));
            }
            Ok(&items[i as usize])
        }
        Val::Object(map) => {
            let k = key.to_tf_string().ok_or("map key must be a string")?;
            map.get(&k).ok_or_else(|| format!("map has no key {k:?}"))
        }
        other => Err(format!("cannot index a {}", other.type_name())),
    }
}

fn binary(op: BinaryOperator, lhs: Val, rhs: Val) -> Result<Val, EvalError> {
    use BinaryOperator::*;
    let num = |v: &Val| {
        v.to_tf_number()
            .ok_or_else(|| format!("{op:?} needs numbers, got {}", v.type_name()))
    };
    let boolean = |v: &Val| {
        v.to_tf_bool()
            .ok_or_else(|| format!("{op:?} needs bools, got {}", v.type_name()))
    };
    Ok(match op {
        Eq => Val::Bool(lhs == rhs),
        NotEq => Val::Bool(lhs != rhs),
        And => Val::Bool(boolean(&lhs)? && boolean(&rhs)?),
        Or => Val::Bool(boolean(&lhs)? || boolean(&rhs)?),
        Less => Val::Bool(num(&lhs)? < num(&rhs)?),
        LessEq => Val::Bool(num(&lhs)? <= num(&rhs)?),
        Greater => Val::Bool(num(&lhs)? > num(&rhs)?),
        GreaterEq => Val::Bool(num(&lhs)? >= num(&rhs)?),
        Plus => Val::Number(num(&lhs)? + num(&rhs)?),
        Minus => Val::Number(num(&lhs)? - num(&rhs)?),
        Mul => Val::Number(num(&lhs)? * num(&rhs)?),
        Div => {
            let d = num(&rhs)?;
            if d == 0.0 {
                return Err("division by zero".into());
            }
            Val::Number(num(&lhs)? / d)
        }
        Mod => {
            let d = num(&rhs)?;
            if d == 0.0 {
                return Err("modulo by zero".into());
            }
            Val::Number(num(&lhs)? % d)
        }
    })
}
