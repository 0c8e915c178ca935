; Rust definitions. Written for AgentCore from the captures the reference's Rust query reports.

(function_item name: (identifier) @name.definition.function) @definition.function
(struct_item name: (type_identifier) @name.definition.struct) @definition.struct
(enum_item name: (type_identifier) @name.definition.enum) @definition.enum
(trait_item name: (type_identifier) @name.definition.trait) @definition.trait

; impl T, and impl Trait for T
(impl_item type: (type_identifier) @name.definition.impl) @definition.impl
(impl_item trait: (type_identifier) @name.definition.impl_trait type: (type_identifier) @name.definition.impl_for) @definition.impl_trait

(mod_item name: (identifier) @name.definition.module) @definition.module
(macro_definition name: (identifier) @name.definition.macro) @definition.macro
(attribute_item (attribute) @name.definition.attribute) @definition.attribute
(type_item name: (type_identifier) @name.definition.type_alias) @definition.type_alias
(const_item name: (identifier) @name.definition.constant) @definition.constant
(static_item name: (identifier) @name.definition.static) @definition.static

; the impl block around each method
(impl_item body: (declaration_list (function_item name: (identifier) @name.definition.method))) @definition.method_container

(use_declaration) @definition.use_declaration
(lifetime "'" @punctuation.lifetime (identifier) @name.definition.lifetime) @definition.lifetime
(where_clause (where_predicate)*) @definition.where_clause
(match_expression value: (_) @match.value body: (match_block)) @definition.match
(unsafe_block) @definition.unsafe_block
