/*
 * The statement layer of Rivulet's SQL dialect.
 *
 * ScriptParser lexes a whole script once, cuts the token stream at top-level ';' tokens and
 * parses each piece with `singleStatement`, so the parser never sees a ';'. Queries are not
 * parsed here: `query` only marks where a query's text starts and ends, and Calcite parses
 * that text.
 */
grammar RivuletSql;

options { caseInsensitive = true; }

singleStatement
    : statement EOF
    ;

statement
    : createStatement
    | insertStatement
    | queryStatement
    | explainStatement
    | setStatement
    | resetStatement
    | showStatement
    | describeStatement
    | dropStatement
    | stopQueryStatement
    ;

createStatement
    : CREATE createBody
    ;

createBody
    : STREAM ifNotExists? name=identifier tableElementList withOptions?              # createStream
    | TABLE ifNotExists? name=identifier tableElementList withOptions?               # createTable
    | (OR REPLACE)? VIEW ifNotExists? name=identifier columnNameList? AS query      # createView
    ;

ifNotExists
    : IF NOT EXISTS
    ;

ifExists
    : IF EXISTS
    ;

tableElementList
    : '(' tableElement (',' tableElement)* ')'
    ;

tableElement
    : columnDefinition
    | watermarkDefinition
    ;

columnDefinition
    : name=identifier ( type nullability? | AS expressionTokens )
    ;

nullability
    : NOT NULL
    | NULL
    ;

watermarkDefinition
    : WATERMARK FOR column=identifier AS expressionTokens
    ;

// A balanced run of tokens up to the next ',' or ')' at nesting depth zero; the builder
// checks that it is one of the few supported expressions.
expressionTokens
    : expressionToken+
    ;

expressionToken
    : '(' nestedToken* ')'
    | ~('(' | ')' | ',')
    ;

nestedToken
    : '(' nestedToken* ')'
    | ~('(' | ')')
    ;

type
    : baseType ARRAY*
    ;

baseType
    : ARRAY '<' type '>'                            # arrayType
    | DOUBLE PRECISION                              # doublePrecisionType
    | identifier typeParameters?                    # namedType
    ;

typeParameters
    : '(' INTEGER_VALUE (',' INTEGER_VALUE)* ')'
    ;

withOptions
    : WITH '(' (option (',' option)*)? ')'
    ;

option
    : key=STRING '=' value=STRING
    ;

columnNameList
    : '(' identifier (',' identifier)* ')'
    ;

insertStatement
    : INSERT INTO target=identifier query
    ;

queryStatement
    : query
    ;

// Only the extent of the query: its first token, then everything up to the end of the statement.
query
    : (SELECT | WITH | VALUES | '(') ~';'*
    ;

explainStatement
    : EXPLAIN (PLAN FOR)? (insertStatement | queryStatement)
    ;

setStatement
    : SET (settingKey '=' settingValue)?
    ;

// RESET ALL reads as a key named ALL; the builder tells the two apart.
resetStatement
    : RESET settingKey?
    ;

settingKey
    : STRING
    | settingPath
    ;

settingValue
    : STRING
    | '-'? (INTEGER_VALUE | DECIMAL_VALUE) word?
    | settingPath
    ;

// Setting names such as watermark.idle-timeout contain keywords, so any word may appear in them.
settingPath
    : word ('.' word)*
    ;

showStatement
    : SHOW kind=(STREAMS | TABLES | VIEWS | QUERIES | FUNCTIONS)
    ;

describeStatement
    : (DESCRIBE | DESC) name=identifier
    ;

dropStatement
    : DROP kind=(STREAM | TABLE | VIEW) ifExists? name=identifier
    ;

stopQueryStatement
    : STOP QUERY (identifier | STRING)
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

// Keywords that may still be used as plain names.
nonReservedKeyword
    : DOUBLE | FUNCTIONS | PLAN | PRECISION | QUERIES | QUERY | REPLACE | RESET | STOP
    | STREAM | STREAMS | TABLES | VIEWS
    ;

word
    : identifier
    | reservedKeyword
    ;

// Keywords that must be back-quoted to be used as names.
reservedKeyword
    : ALL | ARRAY | AS | CREATE | DESC | DESCRIBE | DROP | EXISTS | EXPLAIN | FOR | IF | INSERT | INTO | NOT
    | NULL | OR | SELECT | SET | SHOW | TABLE | VALUES | VIEW | WATERMARK | WITH
    ;

SEMICOLON : ';' ;
LEFT_PARENTHESIS : '(' ;
RIGHT_PARENTHESIS : ')' ;
COMMA : ',' ;
DOT : '.' ;
EQUALS : '=' ;
LESS_THAN : '<' ;
GREATER_THAN : '>' ;
MINUS : '-' ;

ALL : 'ALL' ;
ARRAY : 'ARRAY' ;
AS : 'AS' ;
CREATE : 'CREATE' ;
DESC : 'DESC' ;
DESCRIBE : 'DESCRIBE' ;
DOUBLE : 'DOUBLE' ;
DROP : 'DROP' ;
EXISTS : 'EXISTS' ;
EXPLAIN : 'EXPLAIN' ;
FOR : 'FOR' ;
FUNCTIONS : 'FUNCTIONS' ;
IF : 'IF' ;
INSERT : 'INSERT' ;
INTO : 'INTO' ;
NOT : 'NOT' ;
NULL : 'NULL' ;
OR : 'OR' ;
PLAN : 'PLAN' ;
PRECISION : 'PRECISION' ;
QUERIES : 'QUERIES' ;
QUERY : 'QUERY' ;
REPLACE : 'REPLACE' ;
RESET : 'RESET' ;
SELECT : 'SELECT' ;
SET : 'SET' ;
SHOW : 'SHOW' ;
STOP : 'STOP' ;
STREAM : 'STREAM' ;
STREAMS : 'STREAMS' ;
TABLE : 'TABLE' ;
TABLES : 'TABLES' ;
VALUES : 'VALUES' ;
VIEW : 'VIEW' ;
VIEWS : 'VIEWS' ;
WATERMARK : 'WATERMARK' ;
WITH : 'WITH' ;

IDENTIFIER : [A-Z_] [A-Z0-9_$]* ;
QUOTED_IDENTIFIER : '`' ( ~'`' | '``' )* '`' ;
STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;
// Not valid in the dialect, but lexed whole so that a ';' inside cannot end a statement.
DOUBLE_QUOTED : '"' ( ~'"' | '""' )* '"' ;

INTEGER_VALUE : DIGIT+ ;
DECIMAL_VALUE
    : DIGIT+ '.' DIGIT* EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;

LINE_COMMENT : '--' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WHITESPACE : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Unterminated forms run to the end of the input; they only win the longest match when the
// closing quote or '*/' is missing, and ScriptParser reports them as errors at their start.
UNTERMINATED_STRING : '\'' ( ~'\'' | '\'\'' )* ;
UNTERMINATED_QUOTED_IDENTIFIER : '`' ( ~'`' | '``' )* ;
UNTERMINATED_DOUBLE_QUOTED : '"' ( ~'"' | '""' )* ;
UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;

// Anything else belongs to a query and is Calcite's to judge; the lexer itself never fails.
ANY : . ;

fragment DIGIT : [0-9] ;
fragment EXPONENT : 'E' [+-]? DIGIT+ ;
