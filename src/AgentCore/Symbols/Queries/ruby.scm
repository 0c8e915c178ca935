; Ruby definitions. Written for AgentCore from the captures the reference's Ruby query reports. Its structure is
; kept where the runtime's treatment depends on it: two predicates stand on their own after a one-node pattern.

; methods, singleton methods, aliases
(method name: (identifier) @name.definition.method) @definition.method
(singleton_method object: (_) name: (identifier) @name.definition.method) @definition.method
(alias name: (_) @name.definition.method) @definition.method

; classes, singleton classes and modules, plain or scoped names
(class name: [(constant) @name.definition.class (scope_resolution name: (_) @name.definition.class)]) @definition.class
(singleton_class value: [(constant) @name.definition.class (scope_resolution name: (_) @name.definition.class)]) @definition.class
(module name: [(constant) @name.definition.module (scope_resolution name: (_) @name.definition.module)]) @definition.module

(assignment left: (constant) @name.definition.constant) @definition.constant
(global_variable) @definition.global_variable
(instance_variable) @definition.instance_variable
(class_variable) @definition.class_variable
(simple_symbol) @definition.symbol
(hash_key_symbol) @definition.symbol
(block) @definition.block
(do_block) @definition.block

; mixins
(call
  method: (identifier) @_mixin_method
  arguments: (argument_list (constant) @name.definition.mixin)
  (#match? @_mixin_method "^(include|extend|prepend)$")) @definition.mixin
(module
  name: (constant) @name.definition.mixin_module
  (#match? @name.definition.mixin_module ".*Module$")) @definition.mixin_module
(method
  name: (identifier) @name.definition.mixin_method
  (#match? @name.definition.mixin_method "(included|extended|prepended)_method")) @definition.mixin_method

(singleton_class) @definition.singleton_class
(singleton_method object: (self) name: (identifier) @name.definition.singleton_method) @definition.singleton_method

; attribute accessors and Rails-style class macros
(call
  method: (identifier) @_attr_accessor
  arguments: (argument_list (_) @name.definition.attr_accessor)
  (#eq? @_attr_accessor "attr_accessor")) @definition.attr_accessor
(call
  method: (identifier) @_attr_reader
  arguments: (argument_list (_) @name.definition.attr_reader)
  (#eq? @_attr_reader "attr_reader")) @definition.attr_reader
(call
  method: (identifier) @_attr_writer
  arguments: (argument_list (_) @name.definition.attr_writer)
  (#eq? @_attr_writer "attr_writer")) @definition.attr_writer
(call
  method: (identifier) @_macro_name
  arguments: (argument_list (_) @name.definition.class_macro)
  (#match? @_macro_name "^(has_many|belongs_to|has_one|validates|scope|before_action|after_action)$")) @definition.class_macro

; exceptions
(begin) @definition.begin
(rescue) @definition.rescue
(ensure) @definition.ensure

; parameters
(keyword_parameter name: (identifier) @name.definition.keyword_parameter) @definition.keyword_parameter
(splat_parameter) @definition.splat_parameter
(splat_argument) @definition.splat_argument

(pair key: (_) @name.definition.hash_key) @definition.hash_pair
(assignment left: (identifier) @name.definition.string_var right: (string (interpolation))) @definition.string_interpolation
(assignment left: (identifier) @name.definition.regex_var right: (regex)) @definition.regex_assignment

; pattern matching
(case_match) @definition.case_match
(in_clause pattern: (hash_pattern)) @definition.hash_pattern_clause

; endless methods (Ruby 3.0)
(comment) @_endless_method_comment
(#match? @_endless_method_comment "Ruby 3.0\+ endless method")
(method name: (identifier) @name.definition.endless_method body: (binary operator: "=")) @definition.endless_method

(in_clause pattern: (variable_reference_pattern)) @definition.pin_pattern_clause

; shorthand hash syntax (Ruby 3.1)
(comment) @_shorthand_hash_comment
(#match? @_shorthand_hash_comment "Ruby 3.1\+ shorthand hash syntax")
(method name: (identifier) @name.definition.shorthand_method) @definition.shorthand_method
(hash (pair (hash_key_symbol) ":")) @definition.shorthand_hash

; whole program, comments, every method
(program) @definition.program
(comment) @definition.comment
(method) @definition.method_all
