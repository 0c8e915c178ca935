; JavaScript definitions (also used for .json files, as in the reference). Written for AgentCore from the captures
; the reference's JavaScript query reports. `@doc` comment captures and their #strip!/#select-adjacent! directives
; only decorate documentation that the definitions listing never prints, so they are kept for the capture order
; but the directives are not evaluated (neither are they by the reference's consumer).

((comment)* @doc
 .
 (method_definition name: (property_identifier) @name) @definition.method
 (#not-eq? @name "constructor"))

((comment)* @doc
 .
 [(class name: (_) @name) (class_declaration name: (_) @name)] @definition.class)

((comment)* @doc
 .
 [(function_declaration name: (identifier) @name) (generator_function_declaration name: (identifier) @name)] @definition.function)

((comment)* @doc
 .
 (lexical_declaration
   (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)]) @definition.function))

((comment)* @doc
 .
 (variable_declaration
   (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)]) @definition.function))

; JSON: objects, key/value pairs and arrays
(object) @object.definition
(pair
  key: (string) @property.name.definition
  value: [(object) @object.value (array) @array.value (string) @string.value (number) @number.value
          (true) @boolean.value (false) @boolean.value (null) @null.value]) @property.definition
(array) @array.definition

; decorated methods and classes
([(method_definition decorator: (decorator) name: (property_identifier) @name) @definition.method
  (method_definition
    decorator: (decorator (call_expression function: (identifier) @decorator_name))
    name: (property_identifier) @name) @definition.method]
 (#not-eq? @name "constructor"))
[(class decorator: (decorator) name: (_) @name) @definition.class
 (class_declaration decorator: (decorator) name: (_) @name) @definition.class]
((class_declaration
   decorator: (decorator)
   body: (class_body (method_definition name: (property_identifier) @name) @definition.method))
 (#not-eq? @name "constructor"))
