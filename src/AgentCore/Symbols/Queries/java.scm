; Java definitions. Written for AgentCore from the captures the reference's Java query reports.

(module_declaration name: (scoped_identifier) @name.definition.module) @definition.module
((package_declaration (scoped_identifier)) @name.definition.package) @definition.package
(line_comment) @definition.comment
(class_declaration name: (identifier) @name.definition.class) @definition.class
(interface_declaration name: (identifier) @name.definition.interface) @definition.interface
(enum_declaration name: (identifier) @name.definition.enum) @definition.enum
(record_declaration name: (identifier) @name.definition.record) @definition.record
(annotation_type_declaration name: (identifier) @name.definition.annotation) @definition.annotation
(constructor_declaration name: (identifier) @name.definition.constructor) @definition.constructor
(method_declaration name: (identifier) @name.definition.method) @definition.method

; classes declared in a class body (the reference reports them twice, as inner and as static nested classes)
(class_declaration (class_body (class_declaration name: (identifier) @name.definition.inner_class))) @definition.inner_class
(class_declaration (class_body (class_declaration name: (identifier) @name.definition.static_nested_class))) @definition.static_nested_class

(lambda_expression) @definition.lambda
(field_declaration
  (modifiers)?
  type: (_)
  declarator: (variable_declarator name: (identifier) @name.definition.field)) @definition.field
(import_declaration (scoped_identifier) @name.definition.import) @definition.import
(type_parameters (type_parameter) @name.definition.type_parameter) @definition.type_parameter
