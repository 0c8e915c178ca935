; TypeScript definitions (also the first half of the TSX query). Written for AgentCore from the captures the
; reference extension's TypeScript query reports (parity spec 3.2): `@name.definition.*` on the name node (its
; parent is the definition) and `@definition.*` on the whole node. Pattern order matters: it decides the capture
; order inside one row, and with it which of two equal line ranges is printed.

; signatures and declarations with a name
(function_signature name: (identifier) @name.definition.function) @definition.function
(method_signature name: (property_identifier) @name.definition.method) @definition.method
(abstract_method_signature name: (property_identifier) @name.definition.method) @definition.method
(abstract_class_declaration name: (type_identifier) @name.definition.class) @definition.class
(module name: (identifier) @name.definition.module) @definition.module
(function_declaration name: (identifier) @name.definition.function) @definition.function
(method_definition name: (property_identifier) @name.definition.method) @definition.method
(class_declaration name: (type_identifier) @name.definition.class) @definition.class

; test suites: describe("...", () => {}), test(...), it(...)
(call_expression
  function: (identifier) @func_name
  arguments: (arguments (string) @name [(arrow_function) (function_expression)]) @definition.test)
  (#match? @func_name "^(describe|test|it)$")

; exports.test = function () {}
(assignment_expression
  left: (member_expression object: (identifier) @obj property: (property_identifier) @prop)
  right: [(arrow_function) (function_expression)]) @definition.test
  (#eq? @obj "exports")
  (#eq? @prop "test")

; every arrow function, and the blocks of switch statements
(arrow_function) @definition.lambda
(switch_statement) @definition.switch
(switch_case) @definition.case
(switch_default) @definition.default

(enum_declaration name: (identifier) @name.definition.enum) @definition.enum

; @decorator(...) export class X
(export_statement
  decorator: (decorator (call_expression function: (identifier) @name.definition.decorator))
  declaration: (class_declaration name: (type_identifier) @name.definition.decorated_class)) @definition.decorated_class

(internal_module name: (identifier) @name.definition.namespace) @definition.namespace
(interface_declaration name: (type_identifier) @name.definition.interface type_parameters: (type_parameters)?) @definition.interface
(type_alias_declaration name: (type_identifier) @name.definition.type type_parameters: (type_parameters)?) @definition.type
(type_alias_declaration name: (type_identifier) @name.definition.utility_type) @definition.utility_type
(public_field_definition name: (property_identifier) @name.definition.property) @definition.property
(method_definition
  name: (property_identifier) @name.definition.constructor
  (#eq? @name.definition.constructor "constructor")) @definition.constructor
(method_definition name: (property_identifier) @name.definition.accessor) @definition.accessor
(function_declaration name: (identifier) @name.definition.async_function) @definition.async_function
(variable_declaration
  (variable_declarator name: (identifier) @name.definition.async_arrow value: (arrow_function))) @definition.async_arrow
