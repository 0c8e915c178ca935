; C# definitions. Written for AgentCore from the captures the reference's C# query reports: `@name` on the name
; node and `@definition.*` on the declaration. "definition.namespace" contains "name", so that capture prints the
; namespace's parent (the whole file), as the reference does.

(using_directive) @definition.using

; namespaces, block or file-scoped, with simple or qualified names
(namespace_declaration name: (qualified_name) @name) @definition.namespace
(namespace_declaration name: (identifier) @name) @definition.namespace
(file_scoped_namespace_declaration name: (qualified_name) @name) @definition.namespace
(file_scoped_namespace_declaration name: (identifier) @name) @definition.namespace

(class_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(struct_declaration name: (identifier) @name) @definition.struct
(enum_declaration name: (identifier) @name) @definition.enum
(record_declaration name: (identifier) @name) @definition.record
(method_declaration name: (identifier) @name) @definition.method
(property_declaration name: (identifier) @name) @definition.property
(event_declaration name: (identifier) @name) @definition.event
(delegate_declaration name: (identifier) @name) @definition.delegate
(attribute name: (identifier) @name) @definition.attribute
(type_parameter name: (identifier) @name) @definition.type_parameter
(query_expression) @definition.linq_expression
