; C++ definitions. Written for AgentCore from the captures the reference's C++ query reports.

(struct_specifier name: (type_identifier) @name.definition.class) @definition.class
(union_specifier name: (type_identifier) @name.definition.class) @definition.class
(declaration type: (_) declarator: (function_declarator declarator: (identifier) @name.definition.function)) @definition.function
(function_definition type: (_) declarator: (function_declarator declarator: (identifier) @name.definition.function)) @definition.function
(function_definition declarator: (function_declarator declarator: (field_identifier) @name.definition.method)) @definition.method
(type_definition type: (_) declarator: (type_identifier) @name.definition.type) @definition.type
(class_specifier name: (type_identifier) @name.definition.class) @definition.class
(enum_specifier name: (type_identifier) @name.definition.enum) @definition.enum

; namespaces, and namespaces nested in one
(namespace_definition name: (namespace_identifier) @name.definition.namespace) @definition.namespace
(namespace_definition
  body: (declaration_list (namespace_definition name: (namespace_identifier) @name.definition.namespace))) @definition.namespace

(template_declaration
  parameters: (template_parameter_list)
  (class_specifier name: (type_identifier) @name.definition.template.class)) @definition.template
(preproc_function_def name: (identifier) @name.definition.macro) @definition.macro
(declaration type: (_) declarator: (init_declarator declarator: (identifier) @name.definition.variable)) @definition.variable

; constructors, destructors, operators
(function_definition declarator: (function_declarator declarator: (identifier) @name.definition.constructor)) @definition.constructor
(function_definition declarator: (function_declarator declarator: (destructor_name) @name.definition.destructor)) @definition.destructor
(function_definition declarator: (function_declarator declarator: (operator_name) @name.definition.operator)) @definition.operator

(friend_declaration) @definition.friend
(using_declaration) @definition.using
