; PHP definitions. Written for AgentCore from the captures the reference's PHP query reports.

; classes: any, abstract, final, readonly
(class_declaration name: (name) @name.definition.class) @definition.class
(class_declaration (abstract_modifier) name: (name) @name.definition.abstract_class) @definition.abstract_class
(class_declaration (final_modifier) name: (name) @name.definition.final_class) @definition.final_class
(class_declaration (readonly_modifier) name: (name) @name.definition.readonly_class) @definition.readonly_class

(interface_declaration name: (name) @name.definition.interface) @definition.interface
(trait_declaration name: (name) @name.definition.trait) @definition.trait
(enum_declaration name: (name) @name.definition.enum) @definition.enum

; functions and methods: any, static, abstract, final; arrow functions
(function_definition name: (name) @name.definition.function) @definition.function
(method_declaration name: (name) @name.definition.method) @definition.method
(method_declaration (static_modifier) name: (name) @name.definition.static_method) @definition.static_method
(method_declaration (abstract_modifier) name: (name) @name.definition.abstract_method) @definition.abstract_method
(method_declaration (final_modifier) name: (name) @name.definition.final_method) @definition.final_method
(arrow_function) @definition.arrow_function

; properties: any, static, readonly, promoted by a constructor
(property_declaration (property_element (variable_name (name) @name.definition.property))) @definition.property
(property_declaration (static_modifier) (property_element (variable_name (name) @name.definition.static_property))) @definition.static_property
(property_declaration (readonly_modifier) (property_element (variable_name (name) @name.definition.readonly_property))) @definition.readonly_property
(property_promotion_parameter name: (variable_name (name) @name.definition.promoted_property)) @definition.promoted_property

(const_declaration (const_element (name) @name.definition.constant)) @definition.constant
(namespace_definition name: (namespace_name) @name.definition.namespace) @definition.namespace
(namespace_use_declaration (namespace_use_clause (qualified_name) @name.definition.use)) @definition.use
(object_creation_expression (declaration_list)) @definition.anonymous_class
(attribute_group (attribute (name) @name.definition.attribute)) @definition.attribute
(match_expression) @definition.match_expression
(heredoc) @definition.heredoc
(nowdoc) @definition.nowdoc
